package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class SelectiveProjectionDecayTest {

    /** A tensor with a hand-set gradient. */
    private static final class HandUnit implements DecayUnit {
        final NDArray weight;
        final NDArray anchor;
        NDArray gradient;

        HandUnit(NDManager m, float[] weight, float[] anchor) {
            this.weight = m.create(weight);
            this.anchor = m.create(anchor);
            this.gradient = this.weight.zerosLike();
        }

        @Override
        public String name() {
            return "hand";
        }

        @Override
        public NDArray displacement(NDManager manager) {
            return WeightSnapshot.detachedCopy(weight, manager).subi(anchor);
        }

        @Override
        public NDArray gradient(NDManager manager) {
            return WeightSnapshot.detachedCopy(gradient, manager);
        }

        @Override
        public void beforeForward(NDManager state) {
            gradient = gradient.zerosLike();
        }

        @Override
        public void decay(double coefficient, NDManager scratch) {
            NDArray d = displacement(scratch).muli((float) coefficient);
            WeightSnapshot.assign(weight, WeightSnapshot.detachedCopy(weight, scratch).subi(d));
        }

        void step(float[] adamResult, float[] rawGradient) {
            weight.set(adamResult);
            gradient = weight.getManager().create(rawGradient);
        }
    }

    @Test
    void projectsOnlyTheLayerWhoseGradientOpposesItsDisplacement() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Both layers sit at θ_{t−1} = θ₀ + (1, 0) and Adam moves both to θ̃ = θ₀ + (2, 0).
            HandUnit opposing = new HandUnit(m, new float[] {1, 3}, new float[] {0, 3});
            HandUnit agreeing = new HandUnit(m, new float[] {1, 3}, new float[] {0, 3});
            SpdCorrector corrector = new SpdCorrector(List.of(opposing, agreeing), new SelectiveProjectionDecay(0.5), m);
            corrector.snapshot();
            // c = −gᵀ(θ_{t−1} − θ₀): g = (1, 0) gives c = −1 < 0 (selected); g = (−1, 0) gives c = 1 (not).
            opposing.step(new float[] {2, 3}, new float[] {1, 0});
            agreeing.step(new float[] {2, 3}, new float[] {-1, 0});
            corrector.correct();
            assertEquals(1, corrector.lastSelected());
            // r = (2 − 1)/2 = 0.5, θ = θ̃ − λ·r·(θ̃ − θ₀) = (2,3) − 0.25·(2,0) = (1.5, 3).
            assertArrayEquals(new float[] {1.5f, 3f}, opposing.weight.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {2f, 3f}, agreeing.weight.toFloatArray());
        }
    }

    @Test
    void selectedLayerThatMovedTowardItsAnchorIsNotPulled() {
        try (NDManager m = NDManager.newBaseManager()) {
            HandUnit unit = new HandUnit(m, new float[] {2, 0}, new float[] {0, 0});
            SpdCorrector corrector = new SpdCorrector(List.of(unit), new SelectiveProjectionDecay(1), m);
            corrector.snapshot();
            unit.step(new float[] {1, 0}, new float[] {1, 0});
            corrector.correct();
            assertEquals(1, corrector.lastSelected());
            assertArrayEquals(new float[] {1f, 0f}, unit.weight.toFloatArray());
        }
    }

    @Test
    void lambdaOneReturnsASelectedLayerToItsPreviousDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            HandUnit unit = new HandUnit(m, new float[] {3, 4}, new float[] {0, 0});
            SpdCorrector corrector = new SpdCorrector(List.of(unit), new SelectiveProjectionDecay(1), m);
            corrector.snapshot();
            unit.step(new float[] {6, 8}, new float[] {0.1f, 0.2f});
            corrector.correct();
            float[] w = unit.weight.toFloatArray();
            assertEquals(5.0, Math.hypot(w[0], w[1]), 1e-5);
        }
    }

    @Test
    void coefficientIsWithinZeroAndLambdaAndZeroWhenNotSelected() {
        qt().forAll(doubles().between(-10, 10), doubles().between(0, 10), doubles().between(0, 10))
                .checkAssert((c, previous, current) -> {
                    SelectiveProjectionDecay rule = new SelectiveProjectionDecay(0.7);
                    double k = rule.coefficient(c, previous, current);
                    assertTrue(k >= 0 && k <= 0.7, "coefficient " + k);
                    if (c >= 0 || current <= previous) {
                        assertEquals(0.0, k);
                    }
                });
    }

    @Test
    void negativeLambdaIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spd.create(Spd.defaults().with(Map.of("spd_lambda", -0.5))));
        assertTrue(e.getMessage().contains("spd_lambda"), e.getMessage());
    }
}
