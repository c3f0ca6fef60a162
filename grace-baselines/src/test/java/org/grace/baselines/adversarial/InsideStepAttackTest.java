package org.grace.baselines.adversarial;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.train.StepContext;
import org.grace.model.train.TrainableParameters;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the training attack coexists with the step's gradient collector and the frozen reference. */
class InsideStepAttackTest {

    private static NDArray images(MethodContext context, NDManager m, int n) {
        int s = context.train().imageSize();
        float[] pixels = new float[n * 3 * s * s];
        for (int i = 0; i < n; i++) {
            System.arraycopy(context.train().image(i), 0, pixels, i * 3 * s * s, 3 * s * s);
        }
        return m.create(pixels, new Shape(n, 3, s, s));
    }

    @Test
    void theStepCollectorStaysExclusiveAfterTheAttack() {
        try (MethodFixture fixture = MethodFixture.tiny(3, 3, 2);
             NDManager m = fixture.manager().newSubManager()) {
            MethodContext context = fixture.context();
            Tecoa tecoa = Tecoa.create(Tecoa.defaults().with(java.util.Map.of("attack_steps", 2)));
            TrainableParameters.select(context.model(), context.head(), tecoa.prepare(context));
            StepContext step = new StepContext(1, 3, m, new SplittableRandom(1));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(tecoa.loss(context, step, images(context, m, 2), new int[] {0, 1}).loss());
                // DJL's one-collector rule holds again once the attack is over.
                assertThrows(IllegalStateException.class, () -> Engine.getInstance().newGradientCollector());
            }
            assertDoesNotThrow(() -> Engine.getInstance().newGradientCollector().close(),
                    "after the step a new collector opens");
        }
    }

    @Test
    void aReferenceThatRequiresGradientsIsRefused() {
        try (MethodFixture fixture = MethodFixture.tiny(3, 3, 2);
             NDManager m = fixture.manager().newSubManager()) {
            MethodContext context = fixture.context();
            Fare fare = Fare.create(Fare.defaults());
            TrainableParameters.select(context.model(), context.head(), fare.prepare(context));
            context.reference().parameters().values().iterator().next().setRequiresGradient(true);
            StepContext step = new StepContext(1, 3, m, new SplittableRandom(1));
            assertThrows(IllegalStateException.class,
                    () -> fare.loss(context, step, images(context, m, 2), new int[] {0, 1}));
        }
    }

    @Test
    void fareAnchorIsTheFrozenReferenceOnCleanImagesAndCarriesNoGradient() {
        try (MethodFixture fixture = MethodFixture.tiny(3, 3, 2);
             NDManager m = fixture.manager().newSubManager()) {
            MethodContext context = fixture.context();
            TrainableParameters.select(context.model(), context.head(), Fare.create(Fare.defaults()).prepare(context));
            NDArray x = images(context, m, 2);
            NDArray anchor;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                anchor = AdversarialFinetuning.referenceFeatures(context, x);
                assertFalse(anchor.hasGradient());
            }
            assertArrayEquals(context.reference().encodeImage(x).toFloatArray(), anchor.toFloatArray());
        }
    }
}
