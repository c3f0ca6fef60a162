package org.grace.attacks.pgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Norm;
import org.grace.attacks.testing.LinearClassifier;
import org.grace.attacks.testing.LinearWorstCase;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class FgsmTest {

    @Test
    void oneSignStepIsExactForABinaryLinearClassifier() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinearClassifier model = LinearClassifier.random(m, 2, 48, 0.3, 5);
            NDArray x = TestData.images(m, 16, 3, 4, 4, 0.1, 0.9, 6);
            int[] y = TestData.predictedLabels(model, x);
            NDArray adv = new Fgsm(Norm.LINF, 0.1).perturb(model, x, y);
            double[] expected = LinearWorstCase.worstMargins(model, x, y, 0.1);
            double[] got = LinearWorstCase.margins(model, adv, y);
            for (int i = 0; i < y.length; i++) {
                assertEquals(expected[i], got[i], 1e-4, "sample " + i);
            }
        }
    }

    @Test
    void iterativeAttackIsAtLeastAsStrongAsFgsm() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 4, 3, false);
            NDArray x = TestData.images(m, 48, 3, 8, 8, 0, 1, 4);
            int[] y = TestData.predictedLabels(model, x);
            double fgsm = TestData.accuracy(model, new Fgsm(Norm.LINF, 0.02).perturb(model, x, y), y);
            double pgd = TestData.accuracy(model,
                    new Pgd(PgdConfig.madry(Norm.LINF, 0.02, 0.005, 20, 1)).perturb(model, x, y), y);
            assertTrue(fgsm < 1.0, "FGSM should fool some points: " + fgsm);
            assertTrue(pgd <= fgsm, "PGD " + pgd + " vs FGSM " + fgsm);
        }
    }
}
