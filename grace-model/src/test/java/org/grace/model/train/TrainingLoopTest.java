package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.io.SafetensorsFile;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingLoopTest {

    private static NDManager root;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    private static TrainingConfig sixSteps(Path out) {
        return sixSteps(out, OptimizerConfig.adamW(0.1));
    }

    private static TrainingConfig sixSteps(Path out, OptimizerConfig optimizer) {
        return TrainingConfig.builder(6, 5e-3, out).warmupSteps(1).minLearningRate(1e-4)
                .optimizer(optimizer).maxGradNorm(0.5).checkpointEvery(2).keepCheckpoints(2).seed(42)
                .build();
    }

    @Test
    void resumingSgdWithNesterovMomentumAfterAStopAtACheckpointIsBitIdenticalToo() {
        OptimizerConfig sgd = OptimizerConfig.sgd(0.9, true, 1e-4);
        Map<String, float[]> expected = trainLora(sixSteps(folder.resolve("straight"), sgd), false, -1);
        Path interrupted = folder.resolve("interrupted");
        assertThrows(IllegalStateException.class, () -> trainLora(sixSteps(interrupted, sgd), false, 5));
        Map<String, float[]> resumed = trainLora(sixSteps(interrupted, sgd), true, -1);
        expected.forEach((name, values) -> assertArrayEquals(values, resumed.get(name), 0f, name + " differs after resume"));
    }

    /** Trains LoRA on a fresh model with {@code config}; returns the final LoRA factors. */
    private static Map<String, float[]> trainLora(TrainingConfig config, boolean resume, int crashAtStep) {
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            StepFunction contrastive = MicroClip.contrastive(model);
            StepFunction step = ctx -> {
                if (ctx.step() == crashAtStep) {
                    throw new IllegalStateException("simulated crash at step " + ctx.step());
                }
                StepResult r = contrastive.step(ctx);

                return r;
            };
            TrainingLoop loop = new TrainingLoop(config, trainable, step, root).quiet();
            if (resume) {
                TrainingResult result = loop.resume();
                assertEquals(5, result.firstStep(), "resumes after the step-4 checkpoint");
            } else {
                loop.run();
            }
            return MicroClip.snapshot(trainable.arrays());
        }
    }

    @Test
    void resumingFromACheckpointGivesBitIdenticalWeightsAndNoDuplicateRows() throws IOException {
        Path straight = folder.resolve("straight");
        Path interrupted = folder.resolve("interrupted");
        Map<String, float[]> expected = trainLora(sixSteps(straight), false, -1);

        IllegalStateException crash = assertThrows(IllegalStateException.class, () -> trainLora(sixSteps(interrupted), false, 6));
        assertTrue(crash.getMessage().contains("simulated crash"));
        assertEquals(4, new CheckpointStore(interrupted).latest().orElseThrow().step());
        assertEquals(5, Files.readAllLines(interrupted.resolve("metrics.csv")).size() - 1, "rows of steps 1..5 before the crash");

        Map<String, float[]> resumed = trainLora(sixSteps(interrupted), true, -1);
        assertEquals(expected.keySet(), resumed.keySet());
        expected.forEach((name, values) -> assertArrayEquals(values, resumed.get(name), 0f, name + " differs after resume"));

        List<String> a = withoutTiming(straight.resolve("metrics.csv"));
        List<String> b = withoutTiming(interrupted.resolve("metrics.csv"));
        assertEquals(7, a.size(), "header + 6 rows");
        assertEquals(a, b);
        assertEquals(List.of(4, 6), checkpointSteps(interrupted), "keepCheckpoints = 2 keeps the newest two");
    }

    @Test
    void aNonFiniteLossStopsAtThatStepAndKeepsTheLastGoodCheckpoint() throws IOException {
        TrainingConfig config = TrainingConfig.builder(6, 1e-2, folder).checkpointEvery(2).keepCheckpoints(3).build();
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            StepFunction contrastive = MicroClip.contrastive(model);
            StepFunction poisoned = ctx -> {
                StepResult r = contrastive.step(ctx);
                return ctx.step() == 3 ? StepResult.of(r.loss().mul(Float.NaN), r.batchSize()) : r;
            };
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                    () -> new TrainingLoop(config, trainable, poisoned, root).quiet().run());
            assertEquals(3, e.step());
            assertTrue(e.getMessage().contains("at step 3"), e.getMessage());
            Path step2 = new CheckpointStore(folder).fileFor(2);
            assertEquals(step2, e.lastCheckpoint());
            assertTrue(e.getMessage().contains(step2.toString()), e.getMessage());
            assertEquals(2, new CheckpointStore(folder).latest().orElseThrow().step());
            assertEquals(List.of(2), checkpointSteps(folder), "no checkpoint after the failure");
            try (SafetensorsFile saved = SafetensorsFile.open(step2)) {
                for (Map.Entry<String, NDArray> p : trainable.arrays().entrySet()) {
                    assertArrayEquals(saved.readFloat(CheckpointStore.PARAM_PREFIX + p.getKey()).data(),
                            p.getValue().toFloatArray(), 0f, p.getKey() + " is not as after step 2");
                }
            }
            assertEquals(2, Files.readAllLines(folder.resolve("metrics.csv")).size() - 1);
        }
    }

    @Test
    void aNonFiniteGradientNormStopsTrainingBeforeTheUpdate() {
        TrainingConfig config = TrainingConfig.builder(2, 1e-2, folder).build();
        try (ClipModel model = MicroClip.model(root); NDManager m = root.newSubManager()) {
            ZeroShotHead head = MicroClip.head(m);
            TrainableParameters trainable = TrainableParameters.select(model, head, Set.of(ParameterGroup.HEAD));
            float[] before = head.weights().toFloatArray();
            NDArray w = head.weights();
            // sqrt at 0: a finite loss (0) whose gradient is infinite.
            StepFunction infiniteGradient = ctx -> StepResult.of(w.sub(w.stopGradient()).sqrt().sum(), 1);
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                    () -> new TrainingLoop(config, trainable, infiniteGradient, root).quiet().run());
            assertTrue(e.getMessage().startsWith("gradient norm"), e.getMessage());
            assertTrue(e.getMessage().contains("none written yet"), e.getMessage());
            assertArrayEquals(before, head.weights().toFloatArray(), 0f);
        }
    }

    @Test
    void resumingWithAnotherConfigurationIsRefusedNamingBothConfigurations() {
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            StepFunction step = MicroClip.contrastive(model);
            new TrainingLoop(TrainingConfig.builder(2, 1e-3, folder).build(), trainable, step, root).quiet().run();
            TrainingConfig other = TrainingConfig.builder(2, 2e-3, folder).build();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new TrainingLoop(other, trainable, step, root).quiet().resume());
            assertTrue(e.getMessage().contains("different training configuration"), e.getMessage());
            assertTrue(e.getMessage().contains("lr=0.001") && e.getMessage().contains("lr=0.002"), e.getMessage());
        }
    }

    @Test
    void runRefusesAFolderWithACheckpointAndResumeNeedsOne() {
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            TrainingLoop loop = new TrainingLoop(TrainingConfig.builder(1, 1e-3, folder).build(), trainable,
                    MicroClip.contrastive(model), root).quiet();
            IllegalStateException none = assertThrows(IllegalStateException.class, loop::resume);
            assertTrue(none.getMessage().contains("nothing to resume"), none.getMessage());
            loop.run();
            IllegalStateException again = assertThrows(IllegalStateException.class, loop::run);
            assertTrue(again.getMessage().contains("resume()"), again.getMessage());
            TrainingResult done = loop.runOrResume();
            assertEquals(1, done.checkpoint().step());
            assertEquals(null, done.last(), "a finished run has no step left to run");
        }
    }

    @Test
    void stepRandomStreamsDependOnlyOnSeedAndStep() {
        assertEquals(StepContext.seedFor(42, 5), StepContext.seedFor(42, 5));
        assertFalse(StepContext.seedFor(42, 5) == StepContext.seedFor(42, 6));
        assertFalse(StepContext.seedFor(42, 5) == StepContext.seedFor(43, 5));
    }

    @Test
    void configRejectsInvalidValuesNamingTheField() {
        for (Runnable bad : List.<Runnable>of(
                () -> TrainingConfig.builder(0, 1e-3, folder).build(),
                () -> TrainingConfig.builder(5, 0, folder).build(),
                () -> TrainingConfig.builder(5, 1e-3, folder).warmupSteps(5).build(),
                () -> TrainingConfig.builder(5, 1e-3, folder).maxGradNorm(-1).build(),
                () -> TrainingConfig.builder(5, 1e-3, folder).checkpointEvery(0).build(),
                () -> TrainingConfig.builder(5, 1e-3, folder).keepCheckpoints(0).build(),
                () -> TrainingConfig.builder(5, 1e-3, folder).minLearningRate(1).build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(e.getMessage().matches("^[a-zA-Z]+ must .*"), e.getMessage());
        }
    }

    /** Lines of a metrics file with the two timing columns removed. */
    private static List<String> withoutTiming(Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",", -1);
            assertEquals(MetricsCsv.HEADER.size(), cells.length, line);
            lines.add(String.join(",", Arrays.copyOf(cells, cells.length - 2)));
        }
        return lines;
    }

    private static List<Integer> checkpointSteps(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(CheckpointStore.FOLDER))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("step-\\d+\\.safetensors"))
                    .map(n -> Integer.parseInt(n.substring(5, n.indexOf('.'))))
                    .sorted().toList();
        }
    }
}
