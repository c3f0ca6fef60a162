package org.grace.attacks.apgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.loss.TargetedDlrLoss;
import org.grace.attacks.testing.LinearClassifier;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class ApgdTargetedTest {

    /** min over t ≠ y of (z_y - z_t)(x) - ε·||w_y - w_t||_1: below zero iff some ℓ∞ attack succeeds. */
    private static double[] worstTargetedMargins(LinearClassifier model, NDArray x, int[] y, double eps) {
        float[] z = model.logits(x).toFloatArray();
        int k = model.numClasses();
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double worst = Double.POSITIVE_INFINITY;
            for (int t = 0; t < k; t++) {
                if (t == y[i]) {
                    continue;
                }
                double l1 = 0;
                for (int j = 0; j < model.dim(); j++) {
                    l1 += Math.abs(model.weight(y[i], j) - model.weight(t, j));
                }
                worst = Math.min(worst, z[i * k + y[i]] - z[i * k + t] - eps * l1);
            }
            out[i] = worst;
        }
        return out;
    }

    @Test
    void foolsExactlyThePointsAMultiClassLinearModelCannotDefend() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinearClassifier model = LinearClassifier.random(m, 5, 48, 0.3, 3);
            NDArray x = TestData.images(m, 48, 3, 4, 4, 0.2, 0.8, 4);
            int[] y = TestData.predictedLabels(model, x);
            double eps = 0.04;
            double[] worst = worstTargetedMargins(model, x, y, eps);
            ApgdConfig config = ApgdConfig.of(Norm.LINF, eps, new TargetedDlrLoss(), 1, 1)
                    .withIterations(30).withTargetClasses(4);
            boolean[] robust = Predictions.correct(model, new ApgdTargeted(config).perturb(model, x, y), y);
            int fooled = 0;
            for (int i = 0; i < y.length; i++) {
                if (Math.abs(worst[i]) > 1e-3) {
                    assertEquals(worst[i] > 0, robust[i], "sample " + i + " worst margin " + worst[i]);
                }
                fooled += robust[i] ? 0 : 1;
            }
            assertTrue(fooled > 5 && fooled < 43, "test needs both outcomes; fooled " + fooled);
        }
    }

    @Test
    void needsFourClassesAndOneMoreThanTheTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = TestData.images(m, 2, 3, 4, 4, 0, 1, 1);
            ApgdTargeted nine = ApgdTargeted.standard(Norm.LINF, 0.01, 1, 0);
            MlpClassifier five = new MlpClassifier(m, 48, 8, 5, 1, false);
            assertThrows(IllegalArgumentException.class, () -> nine.perturb(five, x, new int[] {0, 1}));
            MlpClassifier three = new MlpClassifier(m, 48, 8, 3, 1, false);
            ApgdTargeted two = new ApgdTargeted(nine.config().withTargetClasses(2));
            assertThrows(IllegalArgumentException.class, () -> two.perturb(three, x, new int[] {0, 1}));
            assertThrows(IllegalArgumentException.class,
                    () -> new ApgdTargeted(ApgdConfig.of(Norm.LINF, 0.1, new CrossEntropyLoss(), 1, 0)));
        }
    }

    @Test
    void batchSizeDoesNotChangeResults() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 10, 5, false);
            NDArray x = TestData.images(m, 28, 3, 8, 8, 0, 1, 6);
            int[] y = TestData.predictedLabels(model, x);
            ApgdTargeted attack = new ApgdTargeted(ApgdConfig.of(Norm.L2, 0.3, new TargetedDlrLoss(), 1, 2)
                    .withIterations(8).withTargetClasses(3));
            NDArray whole = TestData.inBatches(attack, model, x, y, 28);
            NDArray seven = TestData.inBatches(attack, model, x, y, 7);
            assertArrayEquals(Predictions.correct(model, whole, y), Predictions.correct(model, seven, y));
            assertTrue(whole.sub(seven).abs().max().getFloat() < 1e-4);
            assertTrue(TestData.accuracy(model, whole, y) < 1.0, "APGD-T should fool some points");
        }
    }
}
