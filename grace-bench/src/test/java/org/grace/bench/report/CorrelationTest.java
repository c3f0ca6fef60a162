package org.grace.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class CorrelationTest {

    @Test
    void matchesAHandComputedExampleWithItsFisherInterval() {
        Correlation c = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        // r = 6 / √(10·6) = 0.7746; z = 1.0317, se = 1/√2; tanh(z ∓ 1.96·se) = −0.340, 0.984
        assertEquals(0.7746, c.r(), 1e-4);
        assertEquals(-0.340, c.lo(), 1e-3);
        assertEquals(0.984, c.hi(), 1e-3);
        assertEquals(5, c.k());
    }

    @Test
    void aPerfectDecreasingLineHasRMinusOne() {
        Correlation c = Correlation.pearson(new double[] {0, .1, .2, .3, .4}, new double[] {60, 55, 50, 45, 40});
        assertEquals(-1.0, c.r(), 1e-12);
        assertTrue(c.hi() < -0.999);
    }

    @Test
    void tooFewPointsOrAConstantGiveNoInterval() {
        Correlation three = Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 1, 2});
        assertTrue(Double.isNaN(three.lo()));
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}).r()));
    }

    @Test
    void rLiesInItsIntervalAndInMinusOneOne() {
        qt().forAll(doubles().between(0, 1), doubles().between(0, 1), doubles().between(0, 1), doubles().between(0, 1))
                .checkAssert((a, b, c, d) -> {
                    Correlation r = Correlation.pearson(new double[] {0, 1, 2, 3, 4}, new double[] {a, b, c, d, a + d});
                    if (!Double.isNaN(r.r())) {
                        assertTrue(r.r() >= -1 && r.r() <= 1);
                        assertTrue(r.lo() <= r.r() + 1e-12 && r.r() <= r.hi() + 1e-12);
                    }
                });
    }
}
