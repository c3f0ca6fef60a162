package org.grace.baselines.adversarial;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.train.Gradients;
import org.grace.model.train.StepContext;
import org.grace.model.train.TrainableParameters;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient a step leaves on the trainable parameters is the gradient of the returned loss
 * alone: the attack run inside the step's collector leaks nothing into it.
 */
class StepGradientTest {

    private static final int BATCH = 4;
    /** A short attack keeps the test fast; the attack still back-propagates into the parameters. */
    private static final Map<String, Integer> THREE_STEPS = Map.of("attack_steps", 3);

    private static NDArray images(MethodContext context, NDManager m) {
        int s = context.train().imageSize();
        float[] pixels = new float[BATCH * 3 * s * s];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(context.train().image(i), 0, pixels, i * 3 * s * s, 3 * s * s);
        }
        return m.create(pixels, new Shape(BATCH, 3, s, s));
    }

    private static int[] labels(MethodContext context) {
        int[] y = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = context.train().label(i);
        }
        return y;
    }

    private static float maxAbs(Map<String, float[]> grads) {
        float max = 0;
        for (float[] g : grads.values()) {
            for (float v : g) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** Runs the method's step inside a collector, then the loss alone on the same adversarial batch. */
    private static void assertNoLeak(AdversarialFinetuning method) {
        try (MethodFixture fixture = MethodFixture.tiny(11, 3, BATCH);
             NDManager m = fixture.manager().newSubManager()) {
            MethodContext context = fixture.context();
            TrainableParameters trainable = TrainableParameters.select(context.model(), context.head(),
                    method.prepare(context));
            StepContext step = new StepContext(1, 3, m, new SplittableRandom(1));
            NDArray x = images(context, m);
            int[] y = labels(context);

            Gradients.zero(trainable.arrays().values(), m);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(method.loss(context, step, x, y).loss());
            }
            Map<String, float[]> stepGradient = ParameterSnapshot.gradients(trainable.arrays());

            NDArray adversarial = method.adversarial(context, step, x, y);
            Gradients.zero(trainable.arrays().values(), m);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(method.lossOn(context, step, x, adversarial, y));
            }
            Map<String, float[]> lossGradient = ParameterSnapshot.gradients(trainable.arrays());

            // The test can fail: the attack objective does have a parameter gradient to leak.
            Gradients.zero(trainable.arrays().values(), m);
            TrainingObjective objective = method.attackObjective(context, x, y);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(objective.perSample(adversarial).sum());
            }
            float leak = maxAbs(ParameterSnapshot.gradients(trainable.arrays()));
            assertTrue(leak > 0, method.name() + ": the attack objective has no parameter gradient");

            float scale = maxAbs(lossGradient);
            assertTrue(scale > 0, method.name() + ": the loss has no parameter gradient");
            assertEquals(lossGradient.keySet(), stepGradient.keySet());
            lossGradient.forEach((name, g) -> assertArrayEquals(g, stepGradient.get(name), 1e-6f * scale,
                    method.name() + ": gradient of " + name));
            assertFalse(adversarial.hasGradient(), "adversarial images are detached");
        }
    }

    @Test
    void tecoaStepGradientIsTheLossGradient() {
        assertNoLeak(Tecoa.create(Tecoa.defaults().with(THREE_STEPS)));
    }

    @Test
    void fareStepGradientIsTheLossGradient() {
        assertNoLeak(Fare.create(Fare.defaults().with(THREE_STEPS)));
    }

    @Test
    void pmgAftStepGradientIsTheLossGradient() {
        assertNoLeak(PmgAft.create(PmgAft.defaults().with(THREE_STEPS)));
    }

    @Test
    void loraTecoaStepGradientIsTheLossGradient() {
        assertNoLeak(LoraTecoa.create(LoraTecoa.defaults().with(THREE_STEPS)));
    }

    @Test
    void vptPmgAftStepGradientIsTheLossGradient() {
        assertNoLeak(VptPmgAft.create(VptPmgAft.defaults().with(THREE_STEPS)));
    }
}
