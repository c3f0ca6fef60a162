package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A CLIP smaller than TINY (16×16 images, width 32, 2 layers) and step functions for loop tests.
 * Constants in the losses are NDArrays in the step's manager, never Java numbers (see
 * {@link DjlScalarLifetimeTest}).
 */
final class MicroClip {

    static final ClipConfig CONFIG = ClipConfig.tiny(new VisionConfig(16, 8, 32, 2, 2), new TextConfig(32, 2, 2, 8, 64), 16);
    static final int BATCH = 4;
    static final int CLASSES = 3;

    private MicroClip() {
    }

    static ClipModel model(NDManager root) {
        return ClipModel.randomInit(CONFIG, root, 7);
    }

    static ClipModel loraModel(NDManager root) {
        ClipModel model = model(root);
        model.applyLora(LoraConfig.uniform(Set.of(Tower.VISION, Tower.TEXT), Set.of(AdapterTarget.Q, AdapterTarget.V), 2, 4),
                3);
        return model;
    }

    static ZeroShotHead head(NDManager manager) {
        SplittableRandom rng = new SplittableRandom(11);
        float[] w = new float[CONFIG.embedDim() * CLASSES];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rng.nextDouble() - 0.5);
        }
        return new ZeroShotHead(manager.create(w, new Shape(CONFIG.embedDim(), CLASSES)), 10f, List.of("a", "b", "c"));
    }

    /** CLIP's symmetric contrastive loss on a batch of random image–text pairs drawn from the step's stream. */
    static StepFunction contrastive(ClipModel model) {
        return ctx -> {
            long seed = ctx.random().nextLong();
            NDManager m = ctx.manager();
            NDArray logits = model.logits(TestInputs.images(m, CONFIG, BATCH, seed), TestInputs.tokens(m, CONFIG, BATCH, seed + 1));
            NDArray eye = m.eye(BATCH);
            NDArray imageToText = logits.logSoftmax(1).mul(eye).sum().neg();
            NDArray textToImage = logits.logSoftmax(0).mul(eye).sum().neg();
            NDArray loss = imageToText.add(textToImage).div(m.create(2f * BATCH));
            double accuracy = accuracy(logits, new long[] {0, 1, 2, 3});
            return StepResult.of(loss, BATCH, accuracy);
        };
    }

    /** Cross-entropy of the head's logits against random labels drawn from the step's stream. */
    static StepFunction classification(ClipModel model, ZeroShotHead head) {
        return ctx -> {
            long seed = ctx.random().nextLong();
            NDManager m = ctx.manager();
            long[] labels = new long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = ctx.random().nextInt(CLASSES);
            }
            NDArray logits = head.logits(model.encodeImage(TestInputs.images(m, CONFIG, BATCH, seed)));
            NDArray loss = logits.logSoftmax(1).mul(m.create(labels).oneHot(CLASSES)).sum().neg().div(m.create((float) BATCH));
            return StepResult.of(loss, BATCH, accuracy(logits, labels));
        };
    }

    private static double accuracy(NDArray logits, long[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    /** Heap copies of arrays by name. */
    static Map<String, float[]> snapshot(Map<String, NDArray> arrays) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        arrays.forEach((k, v) -> copy.put(k, v.toFloatArray()));
        return copy;
    }
}
