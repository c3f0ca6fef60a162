package org.grace.bench.run;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.imagenet.ImageNetDatasets;
import org.grace.model.data.imagenet.ReaderOptions;
import org.grace.model.data.imagenet.WnidIndex;
import org.grace.model.text.ClipBpeTokenizer;
import org.grace.model.text.Tokenizer;
import org.grace.model.weights.ClipWeights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paper's scale: CLIP weights (HF {@code model.safetensors} or an OpenAI state dict, the
 * architecture inferred from the tensor shapes), OpenAI's BPE tokenizer, ImageNet train (every
 * 50th image held out for methods that fit on held-out data) and val, and the variants that were
 * given. Zero-shot heads use the 1000 class names with OpenAI's 80 templates.
 *
 * <p>Transfer tasks: the paper names "8 additional datasets" without listing them, so each
 * sub-folder of {@code --transfer} is one task: class folders, {@code classnames.txt} (one name
 * per line, in sorted-folder order) and optionally {@code templates.txt}.
 */
public final class PaperSetting implements Setting, AutoCloseable {

    /** Every 50th ImageNet train image is held out (25,623 images), the rest trained on. */
    static final int HELD_OUT_STRIDE = 50;

    private final ClipModel backbone;
    private final NDManager manager;
    private final Tokenizer tokenizer = ClipBpeTokenizer.openAi();
    private final ImageDataset train;
    private final ImageDataset heldOut;
    private final Map<String, ImageDataset> splits = new LinkedHashMap<>();
    private final List<TransferSplit> transfer = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    /** @param paths the {@code --clip-weights}, {@code --imagenet} and optional variant paths */
    public PaperSetting(Map<String, Path> paths, NDManager parent) {
        this.manager = parent.newSubManager();
        Path weights = paths.get("clip-weights");
        try {
            ClipConfig config = ClipWeights.inferConfig(weights);
            this.backbone = ClipWeights.load(weights, config, manager);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load CLIP weights from " + weights, e);
        }
        ReaderOptions options = ReaderOptions.defaults();
        Path root = paths.get("imagenet");
        Path trainRoot = root.resolve("train");
        WnidIndex wnids = WnidIndex.fromTrainFolder(trainRoot);
        ImageDataset all = ImageNetDatasets.train(trainRoot, wnids, options);
        this.train = DatasetView.everyKth(all, HELD_OUT_STRIDE, false);
        this.heldOut = DatasetView.everyKth(all, HELD_OUT_STRIDE, true);
        splits.put("id", ImageNetDatasets.valFolders(root.resolve("val"), wnids, options));
        if (paths.containsKey("imagenet-v2")) {
            splits.put("v2", ImageNetDatasets.imagenetV2(paths.get("imagenet-v2"), options));
        }
        if (paths.containsKey("imagenet-sketch")) {
            splits.put("sketch", ImageNetDatasets.imagenetSketch(paths.get("imagenet-sketch"), wnids, options));
        }
        if (paths.containsKey("imagenet-r")) {
            splits.put("r", ImageNetDatasets.imagenetR(paths.get("imagenet-r"), wnids, options));
        }
        if (paths.containsKey("imagenet-a")) {
            splits.put("a", ImageNetDatasets.imagenetA(paths.get("imagenet-a"), wnids, options));
        }
        if (paths.containsKey("imagenet-a-plus")) {
            splits.put("a_plus", ImageNetDatasets.imagenetAPlus(paths.get("imagenet-a-plus"), wnids, options));
        }
        if (paths.containsKey("transfer")) {
            transfer.addAll(transferTasks(paths.get("transfer"), options));
        }
        paths.forEach((k, v) -> facts.put(k, v.toAbsolutePath().toString()));
    }

    private static List<TransferSplit> transferTasks(Path folder, ReaderOptions options) {
        List<TransferSplit> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(folder)) {
            for (Path task : tasks.filter(Files::isDirectory).sorted().toList()) {
                Path names = task.resolve("classnames.txt");
                if (!Files.isRegularFile(names)) {
                    throw new IllegalArgumentException("transfer task " + task + " has no classnames.txt");
                }
                ImageDataset images = ImageNetDatasets.imageFolder(task.getFileName().toString(), task, names, options);
                Path templatesFile = task.resolve("templates.txt");
                List<String> templates = Files.isRegularFile(templatesFile)
                        ? Files.readAllLines(templatesFile).stream().filter(l -> !l.isBlank()).toList()
                        : List.of("a photo of a {}.");
                out.add(new TransferSplit(task.getFileName().toString(), images,
                        new ClassTexts(images.classNames(), templates)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transfer tasks in " + folder, e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--transfer " + folder + " has no task sub-folders");
        }
        return out;
    }

    @Override
    public String scale() {
        return "paper";
    }

    @Override
    public ClipModel pretrained(NDManager parent) {
        return backbone.copy(parent);
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public ClassTexts idTexts() {
        return ImageNetDatasets.zeroShotTexts();
    }

    @Override
    public ImageDataset train() {
        return train;
    }

    @Override
    public ImageDataset heldOut() {
        return heldOut;
    }

    @Override
    public Map<String, ImageDataset> evaluationSplits() {
        return splits;
    }

    @Override
    public List<TransferSplit> transferTasks() {
        return transfer;
    }

    @Override
    public Map<String, String> describe() {
        return facts;
    }

    @Override
    public void close() {
        manager.close();
    }
}
