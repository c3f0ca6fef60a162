package org.grace.model.pretrain;

import ai.djl.ndarray.NDManager;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.data.synth.TransferTask;
import org.grace.model.engine.EngineSettings;
import org.grace.model.eval.TopOneAccuracy;
import org.grace.model.eval.ZeroShotSuite;
import org.grace.model.io.AtomicFiles;
import org.grace.model.train.ProgressBar;
import org.grace.model.zeroshot.ClipClassifier;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the embedded-scale criteria ({@link EmbeddedScaleCheck}) on a pretrained tiny CLIP:
 * {@code VerifyEmbeddedScale <checkpoint folder> <output markdown> [work folder]}. It evaluates the
 * model zero-shot on every split, trains the ID-only control with the pretraining's budget
 * (resumable from the work folder), and writes the table of criteria with the accuracies behind it.
 */
public final class VerifyEmbeddedScale {

    private VerifyEmbeddedScale() {
    }

    public static void main(String[] args) throws IOException {
        Path checkpoint = args.length > 0 ? Paths.get(args[0]) : PretrainedTinyClip.committedFolder();
        Path output = Paths.get(args.length > 1 ? args[1] : "reports/tables/embedded-scale.md");
        Path work = Paths.get(args.length > 2 ? args[2] : "target/id-only-control");
        new EngineSettings(1, 1).apply();
        PretrainConfig config = PretrainConfig.defaults();
        SynthWorld world = TinyClipPretraining.world(config);
        try (NDManager root = NDManager.newBaseManager()) {
            PretrainedTinyClip.Loaded loaded = PretrainedTinyClip.load(checkpoint, root);
            Map<String, Double> zeroShot = ZeroShotSuite.evaluate(loaded.model(), loaded.tokenizer(), world, root, 250);
            ClipClassifier control = IdOnlyBaseline.train(config, world, loaded.tokenizer().vocabSize(), work, root,
                    ProgressBar.detectMode());
            Map<String, Double> idOnly = new LinkedHashMap<>();
            for (ImageDataset split : new ImageDataset[] {world.idTest(), world.v2(), world.sketch(), world.rendition(),
                    world.adversarial(), world.adversarialPlus()}) {
                idOnly.put(split.name(), TopOneAccuracy.of(control, split, 250, root));
            }
            Map<String, Integer> transferClasses = new LinkedHashMap<>();
            for (TransferTask task : TransferTask.values()) {
                transferClasses.put(world.transfer(task).name(), task.classCount());
            }
            List<EmbeddedScaleCheck.Criterion> criteria = EmbeddedScaleCheck.evaluate(zeroShot, idOnly,
                    world.idTest().classNames().size(), transferClasses);
            StringBuilder md = new StringBuilder("# Embedded scale: what the pretrained tiny CLIP shows\n\n")
                    .append("Checkpoint `").append(checkpoint).append("`, world seed ").append(config.worldSeed())
                    .append(", ID-only control with the pretraining's budget (").append(config.steps()).append(" steps × ")
                    .append(config.batchSize()).append(").\n\n").append(EmbeddedScaleCheck.markdown(criteria))
                    .append("\n| split | zero-shot | ID-only control |\n|---|---|---|\n");
            zeroShot.forEach((split, acc) -> md.append("| ").append(split).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * acc)).append(" | ")
                    .append(idOnly.containsKey(split) ? String.format(Locale.ROOT, "%.1f%%", 100 * idOnly.get(split)) : "–")
                    .append(" |\n"));
            AtomicFiles.writeString(output, md.toString());
            System.out.println(md);
        }
    }
}
