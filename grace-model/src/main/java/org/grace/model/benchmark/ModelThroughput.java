package org.grace.model.benchmark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * Images per second of the vision tower: forward only, and forward + backward with LoRA (rank 8 on
 * q and v of every vision block, the usual LoRA-CLIP setting) where gradients reach only the LoRA
 * factors. A benchmark that prints numbers, not a timed test: run it through
 * {@code mvn -pl grace-bench -am compile exec:java -Dexec.args="bench-model"}.
 */
public final class ModelThroughput {

    /** One measured configuration. */
    public record Result(String config, int batch, double forwardImagesPerSecond, double trainImagesPerSecond) {
    }

    private ModelThroughput() {
    }

    /** Measures {@code config} with {@code batch} images, {@code iterations} timed steps after two warm-ups. */
    public static Result measure(ClipConfig config, int batch, int iterations) {
        try (NDManager root = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.randomInit(config, root, 0);
            model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 8, 16f), 1);
            float[] pixels = new float[batch * 3 * config.vision().imageSize() * config.vision().imageSize()];
            SplittableRandom rng = new SplittableRandom(2);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) rng.nextDouble();
            }
            Shape shape = new Shape(batch, 3, config.vision().imageSize(), config.vision().imageSize());
            for (int i = 0; i < 2; i++) {
                step(model, root, pixels, shape, false);
                step(model, root, pixels, shape, true);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                step(model, root, pixels, shape, false);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                step(model, root, pixels, shape, true);
            }
            long t2 = System.nanoTime();
            double n = (double) batch * iterations;
            return new Result(config.name(), batch, n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9));
        }
    }

    private static void step(ClipModel model, NDManager root, float[] pixels, Shape shape, boolean backward) {
        try (NDManager m = root.newSubManager()) {
            NDArray images = m.create(pixels, shape);
            if (!backward) {
                model.encodeImage(images).toFloatArray();
                return;
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray features = ClipModel.normalize(model.encodeImage(images));
                gc.backward(features.square().sum());
            }
            for (NDArray p : model.loraParameters().values()) {
                NDArray g = p.getGradient();
                g.subi(g);
            }
        }
    }

    /** Prints images/s for the tiny config and ViT-B/32. */
    public static void run(PrintStream out) {
        out.println("Model throughput (images/s; LoRA r=8 on vision q,v; " + Runtime.getRuntime().availableProcessors()
                + " cores, intra-op threads " + System.getProperty("ai.djl.pytorch.num_threads", "default") + ")");
        out.printf("  %-9s %6s %14s %22s%n", "config", "batch", "forward", "forward+backward LoRA");
        for (Result r : new Result[] {measure(ClipConfig.TINY, 64, 20), measure(ClipConfig.named("ViT-B/32"), 8, 3)}) {
            out.printf("  %-9s %6d %14.1f %22.1f%n", r.config(), r.batch(), r.forwardImagesPerSecond(), r.trainImagesPerSecond());
        }
    }
}
