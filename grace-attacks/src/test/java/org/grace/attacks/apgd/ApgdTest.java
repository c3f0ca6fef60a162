package org.grace.attacks.apgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.loss.DlrLoss;
import org.grace.attacks.testing.LinearClassifier;
import org.grace.attacks.testing.LinearWorstCase;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.grace.attacks.testing.TinyConvClassifier;
import org.junit.jupiter.api.Test;

class ApgdTest {

    /**
     * A binary linear model whose bias centres the margins of the test images, and a radius that
     * is {@code fraction} of the median |margin| over the dual norm of the weights: roughly a
     * quarter to a half of the points can then be fooled.
     */
    static LinearClassifier centredModel(NDManager m, NDArray x, long seed) {
        LinearClassifier raw = LinearClassifier.random(m, 2, 48, 0.3, seed);
        double[] m0 = LinearWorstCase.margins(raw, x, new int[Math.toIntExact(x.getShape().get(0))]);
        double median = median(m0);
        return raw.withBiases(m, new float[] {(float) (raw.bias(0) - median), raw.bias(1)});
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void reachesClosedForm(Norm norm, double tolerance) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = TestData.images(m, 48, 3, 4, 4, 0.05, 0.95, 12);
            LinearClassifier model = centredModel(m, x, 11);
            int[] y = TestData.predictedLabels(model, x);
            double[] margins = LinearWorstCase.margins(model, x, y);
            double[] unit = LinearWorstCase.worstMargins(norm, model, x, y, 1e-3);
            double[] abs = new double[margins.length];
            for (int i = 0; i < abs.length; i++) {
                abs[i] = Math.abs(margins[i]);
            }
            double eps = 0.7 * median(abs) / ((margins[0] - unit[0]) / 1e-3);
            double[] worst = LinearWorstCase.worstMargins(norm, model, x, y, eps);
            ApgdConfig config = ApgdConfig.of(norm, eps, new CrossEntropyLoss(), 1, 5).withIterations(100);
            NDArray best = new Apgd(config.withHighestLoss(true)).perturb(model, x, y);
            double[] reached = LinearWorstCase.margins(model, best, y);
            boolean[] robust = Predictions.correct(model, new Apgd(config).perturb(model, x, y), y);
            int fooled = 0;
            for (int i = 0; i < y.length; i++) {
                if (norm == Norm.L1) {
                    // auto-attack's ℓ1 step spends mass on the top-|g| coordinates even when the
                    // box blocks them, so it need not find the exact knapsack vertex: it must
                    // achieve most of the optimal margin decrease and can never beat it.
                    double achieved = (margins[i] - reached[i]) / (margins[i] - worst[i]);
                    assertTrue(achieved > 0.6 && achieved <= 1 + 1e-4, "L1 sample " + i + ": " + achieved);
                } else {
                    assertEquals(worst[i], reached[i], tolerance, norm + " sample " + i);
                }
                if (norm != Norm.L1 && Math.abs(worst[i]) > tolerance) {
                    assertEquals(worst[i] > 0, robust[i], norm + " sample " + i + " worst " + worst[i]);
                }
                fooled += robust[i] ? 0 : 1;
            }
            assertTrue(fooled > 5 && fooled < 43, norm + ": test needs both outcomes; fooled " + fooled);
        }
    }

    @Test
    void linfReachesMarginMinusEpsTimesL1NormOfWeightsInTheBox() {
        reachesClosedForm(Norm.LINF, 1e-4);
    }

    @Test
    void l2ReachesMarginMinusEpsTimesL2NormOfWeights() {
        reachesClosedForm(Norm.L2, 1e-4);
    }

    @Test
    void l1ComesCloseToTheBoxConstrainedKnapsackOptimum() {
        reachesClosedForm(Norm.L1, 1e-3);
    }

    @Test
    void zeroEpsGivesCleanAccuracyAndLargeEpsGivesZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 5, 21, false);
            NDArray x = TestData.images(m, 32, 3, 8, 8, 0, 1, 22);
            int[] y = new int[32];
            for (int i = 0; i < y.length; i++) {
                y[i] = i % 5;
            }
            double clean = TestData.accuracy(model, x, y);
            for (Norm norm : Norm.values()) {
                ApgdConfig c = ApgdConfig.of(norm, 0, new CrossEntropyLoss(), 1, 1).withIterations(10);
                assertEquals(clean, TestData.accuracy(model, new Apgd(c).perturb(model, x, y), y), norm.label());
            }
            double[] large = {1.0, 14.0, 192.0};
            for (Norm norm : Norm.values()) {
                ApgdConfig c = ApgdConfig.of(norm, large[norm.ordinal()], new CrossEntropyLoss(), 2, 1)
                        .withIterations(30);
                assertEquals(0.0, TestData.accuracy(model, new Apgd(c).perturb(model, x, y), y), norm.label());
            }
        }
    }

    @Test
    void robustAccuracyNeverRisesWithRestartsOrEps() {
        qt().withExamples(3).withFixedSeed(11L).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
            try (NDManager m = NDManager.newBaseManager()) {
                MlpClassifier model = new MlpClassifier(m, 192, 16, 4, seed, false);
                NDArray x = TestData.images(m, 24, 3, 8, 8, 0, 1, seed + 1);
                int[] y = TestData.predictedLabels(model, x);
                for (Norm norm : new Norm[] {Norm.LINF, Norm.L2}) {
                    double unit = norm == Norm.LINF ? 0.01 : 0.2;
                    ApgdConfig base = ApgdConfig.of(norm, 2 * unit, new DlrLoss(), 1, seed).withIterations(10);
                    double previous = 1.0;
                    for (int restarts : new int[] {1, 2, 3}) {
                        double acc = TestData.accuracy(model, new Apgd(base.withRestarts(restarts)).perturb(model, x, y), y);
                        assertTrue(acc <= previous, norm + " restarts " + restarts);
                        previous = acc;
                    }
                    previous = 1.0;
                    for (double k : new double[] {0, 1, 2, 4, 8, 32}) {
                        double acc = TestData.accuracy(model, new Apgd(base.withEps(k * unit)).perturb(model, x, y), y);
                        assertTrue(acc <= previous, norm + " eps " + k * unit + ": " + acc + " > " + previous);
                        previous = acc;
                    }
                }
            }
        });
    }

    /**
     * Batch sizes 64 and 7 on 64 samples, and batch size 1 on the first 8 (to keep the default
     * run short): the same per-sample robust flags, and perturbations equal up to 1e-4 (batched
     * BLAS kernels may differ in the last float bits).
     */
    @Test
    void resultsDoNotDependOnBatchSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            TinyConvClassifier model = new TinyConvClassifier(m, 3, 6, 5, 31);
            NDArray x = TestData.images(m, 64, 3, 8, 8, 0, 1, 32);
            int[] y = TestData.predictedLabels(model, x);
            int[] first = new int[8];
            java.util.Arrays.setAll(first, i -> i);
            for (Norm norm : Norm.values()) {
                double eps = norm == Norm.LINF ? 0.03 : norm == Norm.L2 ? 0.5 : 3.0;
                Apgd apgd = new Apgd(ApgdConfig.of(norm, eps, new CrossEntropyLoss(), 2, 9).withIterations(8));
                NDArray whole = TestData.inBatches(apgd, model, x, y, 64);
                boolean[] robustWhole = Predictions.correct(model, whole, y);
                NDArray seven = TestData.inBatches(apgd, model, x, y, 7);
                assertArrayEquals(robustWhole, Predictions.correct(model, seven, y), norm + " batch size 7");
                assertTrue(whole.sub(seven).abs().max().getFloat() < 1e-4, norm + " batch size 7");
                NDArray xFirst = Rows.gather(x, first);
                int[] yFirst = Rows.gather(y, first);
                NDArray single = TestData.inBatches(apgd, model, xFirst, yFirst, 1);
                assertArrayEquals(Predictions.correct(model, Rows.gather(whole, first), yFirst),
                        Predictions.correct(model, single, yFirst), norm + " batch size 1");
                assertTrue(Rows.gather(whole, first).sub(single).abs().max().getFloat() < 1e-4,
                        norm + " batch size 1");
            }
        }
    }

    @Test
    void eotAveragingOfADeterministicModelChangesNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 4, 51, false);
            NDArray x = TestData.images(m, 16, 3, 8, 8, 0, 1, 52);
            int[] y = TestData.predictedLabels(model, x);
            ApgdConfig c = ApgdConfig.of(Norm.LINF, 0.02, new CrossEntropyLoss(), 1, 3).withIterations(10);
            NDArray one = new Apgd(c).perturb(model, x, y);
            NDArray three = new Apgd(c.withEotIterations(3)).perturb(model, x, y);
            assertTrue(one.sub(three).abs().max().getFloat() < 1e-5);
        }
    }
}
