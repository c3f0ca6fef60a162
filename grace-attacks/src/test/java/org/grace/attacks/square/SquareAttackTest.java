package org.grace.attacks.square;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.testing.GradientFreeProbe;
import org.grace.attacks.testing.LinearClassifier;
import org.grace.attacks.testing.LinearWorstCase;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class SquareAttackTest {

    @Test
    void neverReadsGradientsAndSpendsAtMostItsQueryBudget() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Norm norm : new Norm[] {Norm.LINF, Norm.L2}) {
                GradientFreeProbe probe = new GradientFreeProbe(new MlpClassifier(m, 300, 16, 5, 3, false));
                NDArray x = TestData.images(m, 16, 3, 10, 10, 0, 1, 4);
                int[] y = TestData.predictedLabels(probe, x);
                long before = probe.imagesSeen();
                int queries = 100;
                double eps = norm == Norm.LINF ? 0.2 : 6.0;
                NDArray adv = new SquareAttack(new SquareConfig(norm, eps, queries, 0.8, 1, 2))
                        .perturb(probe, x, y);
                // one clean pass, one initial query, at most `queries` proposals, per sample
                assertTrue(probe.imagesSeen() - before <= 16L * (queries + 2), norm.label());
                assertTrue(TestData.accuracy(probe, adv, y) < 1.0, norm + ": Square should fool some points");
            }
        }
    }

    /**
     * A two-class linear model on one-channel 4×4 images with constant weights: its ℓ∞ worst case
     * x - ε·sign(u) is a constant shift, which Square's full-image squares (its first 11
     * proposals, p = 0.8) hit with probability 1/2 each, so it must fool exactly the points with
     * m - ε||u||_1 < 0.
     */
    @Test
    void foolsExactlyThePointsALinearModelCannotDefend() {
        try (NDManager m = NDManager.newBaseManager()) {
            int c = 1;
            int hw = 16;
            float[] perChannel = {0.4f, -0.3f};
            float[] weights = new float[2 * c * hw];
            for (int k = 0; k < 2; k++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int p = 0; p < hw; p++) {
                        weights[(k * c + ch) * hw + p] = perChannel[k * c + ch];
                    }
                }
            }
            NDArray x = TestData.images(m, 48, 1, 4, 4, 0.1, 0.9, 12);
            LinearClassifier raw = new LinearClassifier(m, weights, new float[] {0f, 0f}, c * hw);
            double[] m0 = LinearWorstCase.margins(raw, x, new int[48]);
            double[] sorted = m0.clone();
            java.util.Arrays.sort(sorted);
            LinearClassifier model = raw.withBiases(m, new float[] {(float) -sorted[24], 0f});
            int[] y = TestData.predictedLabels(model, x);
            double eps = 0.05;
            double[] worst = LinearWorstCase.worstMargins(Norm.LINF, model, x, y, eps);
            boolean[] robust = Predictions.correct(model,
                    new SquareAttack(new SquareConfig(Norm.LINF, eps, 100, 0.8, 1, 5)).perturb(model, x, y), y);
            int fooled = 0;
            for (int i = 0; i < y.length; i++) {
                if (Math.abs(worst[i]) > 1e-4) {
                    assertEquals(worst[i] > 0, robust[i], "sample " + i + " worst margin " + worst[i]);
                }
                fooled += robust[i] ? 0 : 1;
            }
            assertTrue(fooled > 5 && fooled < 43, "test needs both outcomes; fooled " + fooled);
        }
    }

    @Test
    void batchSizeDoesNotChangeResults() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 4, 7, false);
            NDArray x = TestData.images(m, 14, 3, 8, 8, 0, 1, 8);
            int[] y = TestData.predictedLabels(model, x);
            for (Norm norm : new Norm[] {Norm.LINF, Norm.L2}) {
                SquareAttack attack = new SquareAttack(new SquareConfig(norm, norm == Norm.LINF ? 0.02 : 0.3, 30, 0.8, 1, 3));
                NDArray whole = TestData.inBatches(attack, model, x, y, 14);
                for (int bs : new int[] {1, 7}) {
                    NDArray batched = TestData.inBatches(attack, model, x, y, bs);
                    assertArrayEquals(Predictions.correct(model, whole, y), Predictions.correct(model, batched, y));
                    assertTrue(whole.sub(batched).abs().max().getFloat() < 1e-5, norm + " batch size " + bs);
                }
            }
        }
    }

    @Test
    void scheduleHalvesTheFractionAtAutoAttackBoundaries() {
        assertEquals(0.8, SquareSchedule.fraction(0.8, 10));
        assertEquals(0.4, SquareSchedule.fraction(0.8, 11));
        assertEquals(0.8 / 512, SquareSchedule.fraction(0.8, 9000));
        assertEquals(29, SquareSchedule.side(0.8, 32, 32));
        assertEquals(200, SquareSchedule.side(0.8, 224, 224));
        assertEquals(3, SquareSchedule.sideL2(0.001, 32, 32));
    }

    @Test
    void etaWindowHasUnitNormAndOppositeHalves() {
        float[] eta = EtaWindow.of(5, false);
        double sum = 0;
        for (float v : eta) {
            sum += v * v;
        }
        assertEquals(1.0, sum, 1e-6);
        assertTrue(eta[0] > 0 && eta[4 * 5] < 0);
        float[] t = EtaWindow.of(5, true);
        assertEquals(eta[1 * 5 + 3], t[3 * 5 + 1]);
    }
}
