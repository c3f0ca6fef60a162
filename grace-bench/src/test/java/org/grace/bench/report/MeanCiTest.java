package org.grace.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class MeanCiTest {

    @Test
    void threeSeedsGiveTheStudentInterval() {
        MeanCi e = MeanCi.of(1.0, 2.0, 3.0);
        assertEquals(2.0, e.mean(), 1e-15);
        // s = 1, t_{0.975,2} = 4.3027, half-width = 4.3027/√3 = 2.4842
        assertEquals(2.4842, e.halfWidth(), 1e-4);
        assertEquals(3, e.n());
        assertEquals("2.00 ± 2.48", e.format(2));
    }

    @Test
    void twoSeedsUseTwelvePointSevenOhSix() {
        MeanCi e = MeanCi.of(10.0, 12.0);
        // s = √2, half-width = 12.706·√2/√2 = 12.706
        assertEquals(12.706, e.halfWidth(), 1e-3);
    }

    @Test
    void oneSeedHasNoIntervalAndSaysSo() {
        MeanCi e = MeanCi.of(74.21);
        assertFalse(e.hasInterval());
        assertTrue(Double.isNaN(e.halfWidth()));
        assertEquals("74.21 (1 seed)", e.format(2));
        assertEquals(74.21, e.lo());
        assertEquals(74.21, e.hi());
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, MeanCi::of);
    }

    @Test
    void intervalContainsTheMeanAndMovesWithTheData() {
        qt().forAll(doubles().between(0, 1), doubles().between(0, 1), doubles().between(0, 1), doubles().between(-50, 50))
                .checkAssert((a, b, c, shift) -> {
                    MeanCi e = MeanCi.of(a, b, c);
                    assertTrue(e.lo() <= e.mean() && e.mean() <= e.hi());
                    MeanCi shifted = MeanCi.of(a + shift, b + shift, c + shift);
                    assertEquals(e.mean() + shift, shifted.mean(), 1e-9);
                    assertEquals(e.halfWidth(), shifted.halfWidth(), 1e-9);
                    assertEquals(100 * e.halfWidth(), e.scaled(100).halfWidth(), 1e-9);
                });
    }
}
