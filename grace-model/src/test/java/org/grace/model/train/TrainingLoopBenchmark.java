package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Prints the loop's throughput on the embedded-scale model (ClipConfig.TINY, contrastive loss,
 * batch 32) for LoRA (r = 8 on q, v of both towers) and full finetuning, and the cost of one
 * checkpoint. Run: {@code mvn -o -q -pl grace-model -am test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.grace.model.train.TrainingLoopBenchmark}.
 */
public final class TrainingLoopBenchmark {

    private static final int BATCH = 32;
    private static final int STEPS = 20;

    private TrainingLoopBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("Training loop throughput, ClipConfig.TINY, contrastive loss, batch " + BATCH + ", "
                + STEPS + " steps, " + Runtime.getRuntime().availableProcessors() + " cores");
        for (ParameterGroup group : new ParameterGroup[] {ParameterGroup.LORA, ParameterGroup.FULL}) {
            measure(group);
        }
    }

    private static void measure(ParameterGroup group) throws IOException {
        Path out = Files.createTempDirectory("grace-train-bench");
        try (NDManager root = NDManager.newBaseManager(); ClipModel model = ClipModel.randomInit(ClipConfig.TINY, root, 1)) {
            model.applyLora(LoraConfig.uniform(Set.of(Tower.VISION, Tower.TEXT), Set.of(AdapterTarget.Q, AdapterTarget.V),
                    8, 16), 2);
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(group));
            StepFunction step = ctx -> {
                NDManager m = ctx.manager();
                long seed = ctx.random().nextLong();
                NDArray logits = model.logits(TestInputs.images(m, ClipConfig.TINY, BATCH, seed),
                        TestInputs.tokens(m, ClipConfig.TINY, BATCH, seed + 1));
                NDArray eye = m.eye(BATCH);
                NDArray loss = logits.logSoftmax(1).mul(eye).sum().add(logits.logSoftmax(0).mul(eye).sum())
                        .div(m.create(-2f * BATCH));
                return StepResult.of(loss, BATCH);
            };
            TrainingConfig config = TrainingConfig.builder(STEPS, 1e-4, out).warmupSteps(2).checkpointEvery(STEPS).build();
            long t0 = System.nanoTime();
            new TrainingLoop(config, trainable, step, root).quiet().run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            try (Optimizer optimizer = Optimizer.create(config.optimizer(), root)) {
                new CheckpointStore(out.resolve("extra")).write(1, trainable, optimizer, "bench", "bench", 1);
            }
            double checkpointMs = (System.nanoTime() - t1) / 1e6;
            System.out.printf("  %-6s %,11d trained values  %7.1f images/s  %6.1f ms/step  checkpoint (no moments) %6.1f ms%n",
                    group, trainable.scalarCount(), STEPS * BATCH / seconds, seconds * 1000 / STEPS, checkpointMs);
        }
    }
}
