package org.grace.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictRuleTest {

    @Test
    void directionalClaimIsSupportedWhenTheWholeIntervalIsOnTheClaimedSide() {
        assertEquals(Verdict.SUPPORTED, VerdictRule.directional(MeanCi.of(1.0, 1.2, 0.9), true));
        assertEquals(Verdict.SUPPORTED, VerdictRule.directional(MeanCi.of(-1.0, -1.2, -0.9), false));
    }

    @Test
    void directionalClaimIsNotSupportedWhenTheWholeIntervalIsOnTheOtherSide() {
        assertEquals(Verdict.NOT_SUPPORTED, VerdictRule.directional(MeanCi.of(-1.0, -1.2, -0.9), true));
        assertEquals(Verdict.NOT_SUPPORTED, VerdictRule.directional(MeanCi.of(1.0, 1.2, 0.9), false));
    }

    @Test
    void directionalClaimIsInconclusiveWhenTheIntervalContainsZero() {
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.directional(MeanCi.of(1.0, -1.0, 0.5), true));
        // mean 1, but two seeds give 1 ± 12.706·0.707/√2 = 1 ± 6.35, which contains 0
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.directional(MeanCi.of(0.5, 1.5), true));
    }

    @Test
    void oneSeedIsAlwaysInconclusive() {
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.directional(MeanCi.of(50.0), true));
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.within(MeanCi.of(5.0), 4.0, 6.25));
    }

    @Test
    void approximateClaimNeedsTheIntervalInsideTheBand() {
        assertEquals(Verdict.SUPPORTED, VerdictRule.within(MeanCi.of(4.9, 5.0, 5.1), 4.0, 6.25));
        assertEquals(Verdict.NOT_SUPPORTED, VerdictRule.within(MeanCi.of(2.0, 2.1, 1.9), 4.0, 6.25));
        assertEquals(Verdict.NOT_SUPPORTED, VerdictRule.within(MeanCi.of(9.0, 9.1, 8.9), 4.0, 6.25));
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.within(MeanCi.of(3.0, 5.0, 4.0), 4.0, 6.25));
    }

    @Test
    void aConjunctionFailsOnAnyFailureAndNeedsEveryPartSupported() {
        assertEquals(Verdict.SUPPORTED, Verdict.allOf(List.of(Verdict.SUPPORTED, Verdict.SUPPORTED)));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.allOf(List.of(Verdict.SUPPORTED, Verdict.INCONCLUSIVE)));
        assertEquals(Verdict.NOT_SUPPORTED, Verdict.allOf(List.of(Verdict.INCONCLUSIVE, Verdict.NOT_SUPPORTED)));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.allOf(List.of()));
    }
}
