package org.grace.attacks.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AttackLossTest {

    private static final float[] LOGITS = {
        2.0f, -1.0f, 0.5f, -3.0f,
        -4.0f, -2.0f, -5.0f, -2.5f,
        0.0f, 3.0f, 1.0f, 2.0f
    };
    private static final int[] LABELS = {0, 1, 2};

    private static float[] eval(AttackLoss loss, int[] targets) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(LOGITS, new Shape(3, 4));
            return loss.perSample(z, LABELS, targets).toFloatArray();
        }
    }

    @Test
    void crossEntropyIsLogSumExpMinusTrueLogit() {
        float[] got = eval(new CrossEntropyLoss(), null);
        for (int i = 0; i < 3; i++) {
            double lse = 0;
            for (int k = 0; k < 4; k++) {
                lse += Math.exp(LOGITS[4 * i + k]);
            }
            assertEquals(Math.log(lse) - LOGITS[4 * i + LABELS[i]], got[i], 1e-5);
        }
    }

    @Test
    void dlrIsMinusMarginOverTopGap() {
        float[] got = eval(new DlrLoss(), null);
        // row 0: y = 0 is the max; margin 2 - 0.5; sorted 2, 0.5, -1, -3 -> gap 2 - (-1) = 3
        assertEquals(-(2.0 - 0.5) / 3.0, got[0], 1e-6);
        // row 1: y = 1 is the max (-2); other max -2.5; sorted -2, -2.5, -4, -5 -> gap 2
        assertEquals(-(-2.0 + 2.5) / 2.0, got[1], 1e-6);
        // row 2: y = 2 (1.0); other max 3; sorted 3, 2, 1, 0 -> gap 2
        assertEquals(-(1.0 - 3.0) / 2.0, got[2], 1e-6);
    }

    @Test
    void targetedDlrUsesTargetAndMeanOfThirdAndFourth() {
        float[] got = eval(new TargetedDlrLoss(), new int[] {2, 3, 1});
        assertEquals(-(2.0 - 0.5) / (2.0 - (-1.0 - 3.0) / 2), got[0], 1e-6);
        assertEquals(-(-2.0 + 2.5) / (-2.0 - (-4.0 - 5.0) / 2), got[1], 1e-6);
        assertEquals(-(1.0 - 3.0) / (3.0 - (1.0 + 0.0) / 2), got[2], 1e-6);
    }

    @Test
    void cwMarginIsOtherMaxMinusTrueCappedAtKappa() {
        assertArrayEquals(new float[] {-1.5f, -0.5f, 2.0f}, eval(new CwMarginLoss(Double.POSITIVE_INFINITY), null), 1e-6f);
        assertArrayEquals(new float[] {-1.5f, -0.5f, 1.0f}, eval(new CwMarginLoss(1.0), null), 1e-6f);
    }

    @Test
    void cwMarginMasksTrueClassEvenWhenAllLogitsAreNegative() {
        float[] got = eval(new CwMarginLoss(Double.POSITIVE_INFINITY), null);
        assertTrue(got[1] < 0, "row of negative logits where the true class is the max");
    }

    @Test
    void lossesRejectTooFewClasses() {
        assertThrows(IllegalArgumentException.class, () -> new DlrLoss().requireClasses(2));
        assertThrows(IllegalArgumentException.class, () -> new TargetedDlrLoss().requireClasses(3));
        new DlrLoss().requireClasses(3);
    }

    @Test
    void parseKnowsTheNamesAndRejectsOthers() {
        assertEquals("dlr", AttackLoss.parse("DLR").name());
        assertEquals("dlr-targeted", AttackLoss.parse("dlr-targeted").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttackLoss.parse("hinge"));
        assertTrue(e.getMessage().contains("hinge"));
    }

    @Test
    void targetedLossWithoutTargetsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> eval(new TargetedDlrLoss(), null));
    }
}
