package org.grace.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Guards against a use-after-free in DJL 0.36's PyTorch engine: {@code array.mul(2f)} (any op
 * taking a Java {@link Number}) wraps the number in a scalar tensor backed by a direct
 * {@link java.nio.ByteBuffer} ({@code torch::from_blob}) and closes it right after the op; autograd
 * keeps that tensor for backward, so once the JVM's garbage collector frees the buffer, backward
 * multiplies by whatever now occupies that memory (measured: 10 of 10 trials gave gradients of
 * ±1e33 instead of 2). Gradients through the model must not depend on when the collector runs.
 */
class DjlScalarLifetimeTest {

    private static NDManager root;

    @TempDir
    java.nio.file.Path folder;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    @Test
    void loraGradientsThroughTheModelDoNotDependOnGarbageCollection() throws InterruptedException {
        try (ClipModel model = MicroClip.loraModel(root); NDManager heads = root.newSubManager()) {
            ZeroShotHead head = MicroClip.head(heads);
            TrainableParameters trainable = TrainableParameters.select(model, head,
                    Set.of(ParameterGroup.LORA, ParameterGroup.HEAD));
            // Step 2 of a run, so that B ≠ 0 and every LoRA factor gets a non-zero gradient.
            new TrainingLoop(TrainingConfig.builder(1, 1e-2, folder).build(),
                    trainable, MicroClip.contrastive(model), root).quiet().run();
            Map<String, float[]> calm = gradients(model, head, trainable, false);
            Map<String, float[]> collected = gradients(model, head, trainable, true);
            calm.forEach((name, g) -> assertArrayEquals(g, collected.get(name), 0f,
                    name + ": the gradient changed when the garbage collector ran between forward and backward"));
        }
    }

    private static Map<String, float[]> gradients(ClipModel model, ZeroShotHead head, TrainableParameters trainable,
                                                  boolean collectGarbage) throws InterruptedException {
        try (NDManager m = root.newSubManager()) {
            Gradients.zero(trainable.arrays().values(), m);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                StepContext ctx = new StepContext(2, 2, m, new SplittableRandom(5));
                NDArray contrastive = MicroClip.contrastive(model).step(ctx).loss();
                NDArray classification = MicroClip.classification(model, head).step(ctx).loss();
                if (collectGarbage) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(10);
                    }
                    for (int i = 0; i < 2000; i++) {
                        m.create(new float[] {1e30f, -1e30f});
                    }
                }
                gc.backward(contrastive.add(classification));
            }
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            trainable.arrays().forEach((name, p) -> {
                NDArray g = p.getGradient();
                g.attach(m);
                out.put(name, g.toFloatArray());
            });
            return out;
        }
    }
}
