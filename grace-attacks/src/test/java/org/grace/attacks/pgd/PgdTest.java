package org.grace.attacks.pgd;

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
import org.grace.attacks.loss.CwMarginLoss;
import org.grace.attacks.testing.LinearClassifier;
import org.grace.attacks.testing.LinearWorstCase;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class PgdTest {

    private static final double EPS = 0.1;

    @Test
    void reachesTheClosedFormWorstCaseOfALinearClassifier() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinearClassifier model = LinearClassifier.random(m, 2, 3 * 4 * 4, 0.3, 11);
            NDArray x = TestData.images(m, 48, 3, 4, 4, 0.1, 0.9, 12);
            int[] y = TestData.predictedLabels(model, x);
            double[] worst = LinearWorstCase.worstMargins(model, x, y, EPS);
            Pgd pgd = new Pgd(new PgdConfig(Norm.LINF, EPS, EPS / 4, 12, 1, true, 0,
                    new CwMarginLoss(Double.POSITIVE_INFINITY), 3));
            NDArray adv = pgd.perturb(model, x, y);
            double[] reached = LinearWorstCase.margins(model, adv, y);
            boolean[] robust = Predictions.correct(model, adv, y);
            int fooled = 0;
            for (int i = 0; i < y.length; i++) {
                if (worst[i] < -1e-4) {
                    assertTrue(!robust[i], "sample " + i + " has a negative worst margin " + worst[i]);
                    fooled++;
                } else if (worst[i] > 1e-4) {
                    assertTrue(robust[i]);
                    assertEquals(worst[i], reached[i], 1e-4, "robust sample " + i);
                }
            }
            assertTrue(fooled > 5 && fooled < 43, "test needs both outcomes; fooled " + fooled);
        }
    }

    @Test
    void zeroEpsGivesCleanAccuracyAndLargeEpsGivesZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 3 * 8 * 8, 16, 5, 21, false);
            NDArray x = TestData.images(m, 32, 3, 8, 8, 0, 1, 22);
            int[] y = new int[32];
            for (int i = 0; i < y.length; i++) {
                y[i] = i % 5;
            }
            double clean = TestData.accuracy(model, x, y);
            PgdConfig base = PgdConfig.madry(Norm.LINF, 0, 0.01, 10, 5);
            assertEquals(clean, TestData.accuracy(model, new Pgd(base).perturb(model, x, y), y));
            assertEquals(0.0, TestData.accuracy(model,
                    new Pgd(base.withEps(1.0).withStepSizeFor(1.0).withSteps(30).withRestarts(3))
                            .perturb(model, x, y), y));
        }
    }

    @Test
    void robustAccuracyNeverRisesWithStepsRestartsOrEps() {
        qt().withExamples(4).withFixedSeed(7L).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
            try (NDManager m = NDManager.newBaseManager()) {
                MlpClassifier model = new MlpClassifier(m, 3 * 8 * 8, 16, 4, seed, false);
                NDArray x = TestData.images(m, 24, 3, 8, 8, 0, 1, seed + 1);
                int[] y = TestData.predictedLabels(model, x);
                PgdConfig base = PgdConfig.madry(Norm.LINF, 0.02, 0.005, 2, seed);
                double previous = 1.0;
                for (int steps : new int[] {0, 1, 2, 4, 8}) {
                    double acc = TestData.accuracy(model, new Pgd(base.withSteps(steps)).perturb(model, x, y), y);
                    assertTrue(acc <= previous, "steps " + steps + ": " + acc + " > " + previous);
                    previous = acc;
                }
                previous = 1.0;
                for (int restarts : new int[] {1, 2, 3}) {
                    double acc = TestData.accuracy(model, new Pgd(base.withRestarts(restarts)).perturb(model, x, y), y);
                    assertTrue(acc <= previous, "restarts " + restarts);
                    previous = acc;
                }
                previous = 1.0;
                for (double eps : new double[] {0, 0.01, 0.02, 0.04, 0.08, 0.5}) {
                    PgdConfig c = base.withEps(eps).withStepSizeFor(eps).withSteps(10);
                    double acc = TestData.accuracy(model, new Pgd(c).perturb(model, x, y), y);
                    assertTrue(acc <= previous, "eps " + eps + ": " + acc + " > " + previous);
                    previous = acc;
                }
            }
        });
    }

    /**
     * Batch sizes 64 and 7 on 64 samples and batch size 1 on the first 16: identical per-sample
     * robust flags and perturbations equal up to 1e-5 (batched BLAS may differ in the last bits).
     */
    @Test
    void resultsDoNotDependOnBatchSize() {
        int[] first = new int[16];
        java.util.Arrays.setAll(first, i -> i);
        for (Norm norm : new Norm[] {Norm.LINF, Norm.L2}) {
            try (NDManager m = NDManager.newBaseManager()) {
                MlpClassifier model = new MlpClassifier(m, 3 * 8 * 8, 16, 4, 31, false);
                NDArray x = TestData.images(m, 64, 3, 8, 8, 0, 1, 32);
                int[] y = TestData.predictedLabels(model, x);
                double eps = norm == Norm.LINF ? 0.02 : 0.3;
                Pgd pgd = new Pgd(new PgdConfig(norm, eps, eps / 4, 8, 2, true, 0, new CwMarginLoss(Double.POSITIVE_INFINITY), 9));
                NDArray whole = TestData.inBatches(pgd, model, x, y, 64);
                NDArray seven = TestData.inBatches(pgd, model, x, y, 7);
                assertArrayEquals(Predictions.correct(model, whole, y), Predictions.correct(model, seven, y), "batch size 7");
                assertTrue(whole.sub(seven).abs().max().getFloat() < 1e-5, "batch size 7");
                int[] yFirst = Rows.gather(y, first);
                NDArray single = TestData.inBatches(pgd, model, Rows.gather(x, first), yFirst, 1);
                assertArrayEquals(Predictions.correct(model, Rows.gather(whole, first), yFirst),
                        Predictions.correct(model, single, yFirst), "batch size 1");
                assertTrue(Rows.gather(whole, first).sub(single).abs().max().getFloat() < 1e-5, "batch size 1");
            }
        }
    }

    @Test
    void momentumVariantStaysInTheBallAndFoolsLikePgd() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 3 * 8 * 8, 16, 4, 41, false);
            NDArray x = TestData.images(m, 32, 3, 8, 8, 0, 1, 42);
            int[] y = TestData.predictedLabels(model, x);
            PgdConfig plain = PgdConfig.madry(Norm.LINF, 0.03, 0.0075, 10, 1);
            PgdConfig momentum = new PgdConfig(Norm.LINF, 0.03, 0.0075, 10, 1, true, 0.9, plain.loss(), 1);
            double accPlain = TestData.accuracy(model, new Pgd(plain).perturb(model, x, y), y);
            double accMomentum = TestData.accuracy(model, new Pgd(momentum).perturb(model, x, y), y);
            assertTrue(accPlain < 1.0 && accMomentum < 1.0, accPlain + " " + accMomentum);
        }
    }
}
