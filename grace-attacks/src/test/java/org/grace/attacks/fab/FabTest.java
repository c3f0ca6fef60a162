package org.grace.attacks.fab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.testing.LinearClassifier;
import org.grace.attacks.testing.LinearWorstCase;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class FabTest {

    /** FAB is exact on a linear model: it fools exactly the points whose worst margin is negative. */
    private static void matchesClosedForm(Norm norm, boolean targeted) {
        try (NDManager m = NDManager.newBaseManager()) {
            LinearClassifier model = LinearClassifier.random(m, 2, 48, 0.3, 21);
            NDArray x = TestData.images(m, 40, 3, 4, 4, 0.2, 0.8, 22);
            int[] y = TestData.predictedLabels(model, x);
            double[] unit = LinearWorstCase.worstMargins(norm, model, x, y, 1e-3);
            double[] margins = LinearWorstCase.margins(model, x, y);
            double dual = (margins[0] - unit[0]) / 1e-3;
            double[] sorted = margins.clone();
            java.util.Arrays.sort(sorted);
            double eps = sorted[20] / dual;
            double[] worst = LinearWorstCase.worstMargins(norm, model, x, y, eps);
            FabConfig config = FabConfig.of(norm, eps, targeted, 1, 3).withIterations(20).withTargetClasses(1);
            boolean[] robust = Predictions.correct(model, new Fab(config).perturb(model, x, y), y);
            int fooled = 0;
            for (int i = 0; i < y.length; i++) {
                if (Math.abs(worst[i]) > 0.02 * Math.abs(margins[i])) {
                    assertEquals(worst[i] > 0, robust[i], norm + " sample " + i + " worst " + worst[i]);
                }
                fooled += robust[i] ? 0 : 1;
            }
            assertTrue(fooled > 5 && fooled < 35, "test needs both outcomes; fooled " + fooled);
        }
    }

    @Test
    void untargetedFabFindsTheMinimalLinfPerturbationOfALinearModel() {
        matchesClosedForm(Norm.LINF, false);
    }

    @Test
    void targetedFabFindsTheMinimalL2PerturbationOfALinearModel() {
        matchesClosedForm(Norm.L2, true);
    }

    @Test
    void fabFindsTheMinimalL1PerturbationOfALinearModel() {
        matchesClosedForm(Norm.L1, false);
    }

    @Test
    void batchSizeDoesNotChangeResultsWithRandomRestarts() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 6, 9, false);
            NDArray x = TestData.images(m, 14, 3, 8, 8, 0, 1, 10);
            int[] y = TestData.predictedLabels(model, x);
            Fab fab = new Fab(FabConfig.of(Norm.LINF, 0.03, true, 2, 4).withIterations(8).withTargetClasses(2));
            NDArray whole = TestData.inBatches(fab, model, x, y, 14);
            NDArray seven = TestData.inBatches(fab, model, x, y, 7);
            assertArrayEquals(Predictions.correct(model, whole, y), Predictions.correct(model, seven, y));
            assertTrue(whole.sub(seven).abs().max().getFloat() < 1e-4);
            assertTrue(TestData.accuracy(model, whole, y) < 1.0, "FAB-T should fool some points");
        }
    }

    @Test
    void targetedFabNeedsOneMoreClassThanTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 48, 8, 5, 1, false);
            NDArray x = TestData.images(m, 2, 3, 4, 4, 0, 1, 1);
            Fab fab = new Fab(FabConfig.of(Norm.LINF, 0.1, true, 1, 0));
            assertThrows(IllegalArgumentException.class, () -> fab.perturb(model, x, new int[] {0, 1}));
        }
    }
}
