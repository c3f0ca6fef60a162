package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ExtraState;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.ProgressBar;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A GRACE run interrupted after a checkpoint and resumed in a fresh context equals an uninterrupted run. */
class GraceResumeTest {

    @TempDir
    Path dir;

    /** Checkpoints after every step and optionally fails at one step, as a crash would. */
    private record Interrupting(FinetuningMethod inner, int failAt) implements FinetuningMethod {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public MethodSettings settings() {
            return inner.settings();
        }

        @Override
        public Set<ParameterGroup> prepare(MethodContext context) {
            return inner.prepare(context);
        }

        @Override
        public TrainingConfig training(MethodContext context, Path outputFolder) {
            TrainingConfig c = inner.training(context, outputFolder);
            return new TrainingConfig(c.steps(), c.learningRate(), c.minLearningRate(), c.warmupSteps(), c.schedule(),
                    c.optimizer(), c.maxGradNorm(), 1, 2, c.seed(), c.outputFolder());
        }

        @Override
        public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
            if (step.step() == failAt) {
                throw new IllegalStateException("interrupted at step " + failAt);
            }
            return inner.loss(context, step, images, labels);
        }

        @Override
        public ExtraState extraState() {
            return inner.extraState();
        }
    }

    private static GraceMethod grace() {
        return GraceMethod.create(GraceMethod.defaults(GraceMethod.NAME).with(Map.of("pgd_steps", 2, "curvature_every", 2)));
    }

    private static Map<String, float[]> lora(MethodFixture f) {
        Map<String, float[]> out = new LinkedHashMap<>();
        f.context().model().loraParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    @Test
    void resumedGraceRunEqualsTheUninterruptedOne() {
        Map<String, float[]> uninterrupted;
        GraceMethod reference = grace();
        try (MethodFixture f = MethodFixture.tiny(3, 5, 8)) {
            MethodRunner.run(new Interrupting(reference, -1), f.context(), dir.resolve("a"), ProgressBar.Mode.QUIET);
            uninterrupted = lora(f);
        }
        try (MethodFixture f = MethodFixture.tiny(3, 5, 8)) {
            assertThrows(IllegalStateException.class, () -> MethodRunner.run(new Interrupting(grace(), 4), f.context(),
                    dir.resolve("b"), ProgressBar.Mode.QUIET));
        }
        Map<String, float[]> resumed;
        GraceMethod second = grace();
        try (MethodFixture f = MethodFixture.tiny(3, 5, 8)) {
            MethodRunner.run(new Interrupting(second, -1), f.context(), dir.resolve("b"), ProgressBar.Mode.QUIET);
            resumed = lora(f);
        }
        assertEquals(uninterrupted.keySet(), resumed.keySet());
        uninterrupted.forEach((k, v) -> assertArrayEquals(v, resumed.get(k), 0f, k));
        assertEquals(reference.ranks(), second.ranks());
    }
}
