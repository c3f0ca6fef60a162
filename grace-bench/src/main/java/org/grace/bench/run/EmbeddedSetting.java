package org.grace.bench.run;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.synth.SplitSizes;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.data.synth.SynthWorldConfig;
import org.grace.model.data.synth.TransferTask;
import org.grace.model.pretrain.PretrainedTinyClip;
import org.grace.model.text.Tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded scale: the committed tiny CLIP and the procedural world it was pretrained beside
 * (DESIGN §4), generated on the fly from the world seed the checkpoint was trained with.
 */
public final class EmbeddedSetting implements Setting, AutoCloseable {

    private final SynthWorld world;
    private final NDManager manager;
    private final PretrainedTinyClip.Loaded loaded;
    private final Map<String, String> facts = new LinkedHashMap<>();

    /**
     * @param worldSeed the world's seed (the checkpoint's, 7, unless a study asks otherwise)
     * @param sizes     split sizes ({@link SplitSizes#defaults()} for the default run)
     */
    public EmbeddedSetting(long worldSeed, SplitSizes sizes, NDManager parent) {
        this.world = new SynthWorld(SynthWorldConfig.defaults(worldSeed).withSizes(sizes));
        this.manager = parent.newSubManager();
        try {
            this.loaded = PretrainedTinyClip.loadCommitted(manager);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the committed tiny CLIP from "
                    + PretrainedTinyClip.RESOURCE, e);
        }
        facts.put("backbone", "committed tiny CLIP (" + PretrainedTinyClip.RESOURCE + ")");
        facts.put("world_seed", Long.toString(worldSeed));
        facts.put("split_sizes", sizes.toString());
    }

    @Override
    public String scale() {
        return "embedded";
    }

    @Override
    public ClipModel pretrained(NDManager parent) {
        return loaded.model().copy(parent);
    }

    @Override
    public Tokenizer tokenizer() {
        return loaded.tokenizer();
    }

    @Override
    public ClassTexts idTexts() {
        return world.idTexts();
    }

    @Override
    public ImageDataset train() {
        return world.idTrain();
    }

    @Override
    public ImageDataset heldOut() {
        return world.idVal();
    }

    @Override
    public Map<String, ImageDataset> evaluationSplits() {
        Map<String, ImageDataset> out = new LinkedHashMap<>();
        out.put("id", world.idTest());
        out.put("v2", world.v2());
        out.put("sketch", world.sketch());
        out.put("r", world.rendition());
        out.put("a", world.adversarial());
        out.put("a_plus", world.adversarialPlus());
        return out;
    }

    @Override
    public List<TransferSplit> transferTasks() {
        List<TransferSplit> out = new ArrayList<>();
        for (TransferTask task : TransferTask.values()) {
            out.add(new TransferSplit(task.id(), world.transfer(task), world.transferTexts(task)));
        }
        return out;
    }

    @Override
    public Map<String, String> describe() {
        return Map.copyOf(facts);
    }

    @Override
    public void close() {
        manager.close();
    }
}
