package org.grace.model.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class ScheduleTest {

    private final WarmupCosineSchedule cosine = new WarmupCosineSchedule(1e-3, 1e-5, 10, 110);

    @Test
    void warmupRisesLinearlyFromBaseOverWToBase() {
        assertEquals(1e-4, cosine.learningRate(0), 1e-15, "warmup start γ/W");
        assertEquals(5e-4, cosine.learningRate(4), 1e-15);
        assertEquals(1e-3, cosine.learningRate(9), 1e-15, "warmup end γ");
    }

    @Test
    void cosineStartsAtBaseIsHalfwayAtTheMiddleAndEndsNearTheMinimum() {
        assertEquals(1e-3, cosine.learningRate(10), 1e-15, "first post-warmup update uses γ");
        assertEquals((1e-3 + 1e-5) / 2, cosine.learningRate(60), 1e-15, "midpoint of the decay");
        double last = 1e-5 + 0.5 * (1e-3 - 1e-5) * (1 + Math.cos(Math.PI * 99 / 100));
        assertEquals(last, cosine.learningRate(109), 1e-15, "last update");
        assertTrue(cosine.learningRate(109) < 1.1e-5);
    }

    @Test
    void withoutWarmupOrMinimumItIsOpenClipsCosine() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(0.5, 0, 0, 4);
        assertEquals(0.5, s.learningRate(0), 0);
        assertEquals(0.25, s.learningRate(2), 1e-15);
    }

    @Test
    void cosineNeverIncreasesAfterWarmupAndStaysWithinBounds() {
        qt().forAll(integers().between(10, 108)).checkAssert(t -> {
            assertTrue(cosine.learningRate(t + 1) <= cosine.learningRate(t));
            assertTrue(cosine.learningRate(t) >= 1e-5 && cosine.learningRate(t) <= 1e-3);
        });
    }

    @Test
    void constantScheduleWarmsUpThenStaysAtBase() {
        ConstantSchedule s = new ConstantSchedule(0.2, 4);
        assertEquals(0.05, s.learningRate(0), 1e-15);
        assertEquals(0.2, s.learningRate(3), 1e-15);
        assertEquals(0.2, s.learningRate(1000), 0);
    }

    @Test
    void invalidSchedulesAreRejectedWithTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WarmupCosineSchedule(1, 0, 5, 5));
        assertTrue(e.getMessage().contains("warmupSteps"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WarmupCosineSchedule(1, 2, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ConstantSchedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> cosine.learningRate(-1));
    }
}
