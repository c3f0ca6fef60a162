package org.grace.bench.paper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class HarmonicMeanTest {

    @Test
    void matchesHandValues() {
        assertEquals(36.0, HarmonicMean.of(60.0, 45.0, 22.5), 1e-12);
        assertEquals(39.694, HarmonicMean.of(74.21, 57.01, 22.44), 1e-3);
        assertEquals(0.5, HarmonicMean.of(0.5, 0.5, 0.5), 1e-15);
    }

    @Test
    void anyZeroAxisGivesZeroAndNegativeGivesNaN() {
        assertEquals(0.0, HarmonicMean.of(70, 0, 20));
        assertTrue(Double.isNaN(HarmonicMean.of(70, -1, 20)));
    }

    @Test
    void liesBetweenTheSmallestAxisAndTheArithmeticMeanAndIgnoresOrder() {
        qt().forAll(doubles().between(0.01, 1), doubles().between(0.01, 1), doubles().between(0.01, 1)).checkAssert((a, b, c) -> {
            double hm = HarmonicMean.of(a, b, c);
            assertTrue(hm >= Math.min(a, Math.min(b, c)) - 1e-12);
            assertTrue(hm <= (a + b + c) / 3 + 1e-12);
            assertEquals(hm, HarmonicMean.of(c, a, b), 1e-12);
            assertEquals(100 * hm, HarmonicMean.of(100 * a, 100 * b, 100 * c), 1e-9);
        });
    }
}
