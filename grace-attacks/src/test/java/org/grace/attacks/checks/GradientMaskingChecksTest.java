package org.grace.attacks.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.grace.attacks.Classifier;
import org.grace.attacks.Norm;
import org.grace.attacks.apgd.Apgd;
import org.grace.attacks.apgd.ApgdConfig;
import org.grace.attacks.autoattack.AttackStep;
import org.grace.attacks.autoattack.AutoAttack;
import org.grace.attacks.autoattack.AutoAttackVersion;
import org.grace.attacks.autoattack.RobustnessReport;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.pgd.Pgd;
import org.grace.attacks.pgd.PgdConfig;
import org.grace.attacks.square.SquareAttack;
import org.grace.attacks.square.SquareConfig;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class GradientMaskingChecksTest {

    /** Quantises its input to 4 levels before an MLP: the input gradient is zero everywhere. */
    private record Quantised(MlpClassifier inner) implements Classifier {
        @Override
        public NDArray logits(NDArray images) {
            return inner.logits(images.mul(3f).round().div(3f));
        }

        @Override
        public int numClasses() {
            return inner.numClasses();
        }
    }

    /** Cuts the graph at its input: backward never reaches the image. */
    private record Detached(MlpClassifier inner) implements Classifier {
        @Override
        public NDArray logits(NDArray images) {
            return inner.logits(images.stopGradient());
        }

        @Override
        public int numClasses() {
            return inner.numClasses();
        }
    }

    /** Returns softmax probabilities instead of logits. */
    private record Softmaxed(MlpClassifier inner) implements Classifier {
        @Override
        public NDArray logits(NDArray images) {
            return inner.logits(images).softmax(1);
        }

        @Override
        public int numClasses() {
            return inner.numClasses();
        }
    }

    /** Adds fresh Gaussian input noise at every call. */
    private static final class Noisy implements Classifier {
        private final MlpClassifier inner;
        private final SplittableRandom random = new SplittableRandom(1);

        Noisy(MlpClassifier inner) {
            this.inner = inner;
        }

        @Override
        public NDArray logits(NDArray images) {
            float[] noise = new float[Math.toIntExact(images.size())];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (0.3 * random.nextGaussian());
            }
            return inner.logits(images.add(images.getManager().create(noise, images.getShape())));
        }

        @Override
        public int numClasses() {
            return inner.numClasses();
        }
    }

    @Test
    void cleanMlpRaisesNoFlag() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 5, 1, false);
            NDArray x = TestData.images(m, 16, 3, 8, 8, 0, 1, 2);
            int[] y = TestData.predictedLabels(model, x);
            assertTrue(GradientMaskingChecks.zeroGradients(model, x, y).isEmpty(),
                    () -> GradientMaskingChecks.zeroGradients(model, x, y).orElseThrow().message());
            assertTrue(GradientMaskingChecks.probabilityOutputs(model, x).isEmpty());
            assertTrue(GradientMaskingChecks.randomisedOutputs(model, x, y, 5).isEmpty());
        }
    }

    @Test
    void quantisedInputIsFlaggedForZeroGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            Quantised model = new Quantised(new MlpClassifier(m, 192, 16, 5, 1, false));
            NDArray x = TestData.images(m, 16, 3, 8, 8, 0, 1, 2);
            int[] y = TestData.predictedLabels(model, x);
            MaskingFlag flag = GradientMaskingChecks.zeroGradients(model, x, y).orElseThrow();
            assertEquals(MaskingFlag.Kind.ZERO_GRADIENT, flag.kind());
            assertTrue(flag.message().startsWith("16 of 16"), flag.message());
        }
    }

    @Test
    void detachedInputIsFlaggedForZeroGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            Detached model = new Detached(new MlpClassifier(m, 192, 16, 5, 1, false));
            NDArray x = TestData.images(m, 4, 3, 8, 8, 0, 1, 2);
            int[] y = TestData.predictedLabels(model, x);
            assertEquals(MaskingFlag.Kind.ZERO_GRADIENT,
                    GradientMaskingChecks.zeroGradients(model, x, y).orElseThrow().kind());
        }
    }

    @Test
    void softmaxOutputsAreFlagged() {
        try (NDManager m = NDManager.newBaseManager()) {
            Softmaxed model = new Softmaxed(new MlpClassifier(m, 192, 16, 5, 1, false));
            NDArray x = TestData.images(m, 8, 3, 8, 8, 0, 1, 2);
            assertEquals(MaskingFlag.Kind.PROBABILITY_OUTPUTS,
                    GradientMaskingChecks.probabilityOutputs(model, x).orElseThrow().kind());
        }
    }

    @Test
    void randomisedModelsAreFlagged() {
        try (NDManager m = NDManager.newBaseManager()) {
            Noisy model = new Noisy(new MlpClassifier(m, 192, 16, 5, 1, false));
            NDArray x = TestData.images(m, 8, 3, 8, 8, 0, 1, 2);
            int[] y = TestData.predictedLabels(model, x);
            assertEquals(MaskingFlag.Kind.RANDOMISED_OUTPUTS,
                    GradientMaskingChecks.randomisedOutputs(model, x, y, 5).orElseThrow().kind());
        }
    }

    @Test
    void squareBeatingApgdOnAQuantisedModelIsFlagged() {
        try (NDManager m = NDManager.newBaseManager()) {
            Quantised model = new Quantised(new MlpClassifier(m, 48, 16, 5, 4, false));
            NDArray x = TestData.images(m, 24, 3, 4, 4, 0, 1, 5);
            int[] y = TestData.predictedLabels(model, x);
            double eps = 0.3;
            RobustnessReport report = AutoAttack.ofAttacks(List.of(
                    new Pgd(new PgdConfig(Norm.LINF, eps, eps / 4, 10, 1, false, 0, new CrossEntropyLoss(), 1)),
                    new SquareAttack(new SquareConfig(Norm.LINF, eps, 100, 0.8, 1, 1))), 24).evaluate(model, x, y);
            assertEquals(report.cleanAccuracy(), report.steps().get(0).robustAccuracy(),
                    "PGD from x cannot move a zero-gradient model");
            assertEquals(MaskingFlag.Kind.BLACK_BOX_BEATS_WHITE_BOX,
                    GradientMaskingChecks.blackBoxBeatsWhiteBox(report).orElseThrow().kind());
        }
    }

    @Test
    void squareWithinTheMarginOfWhiteBoxAttacksIsNotFlagged() {
        RobustnessReport report = new RobustnessReport(AutoAttackVersion.STANDARD, Norm.LINF, 0.03, 1000,
                0.9, List.of(new AttackStep("apgd-ce", 0.5, 400, 1), new AttackStep("square", 0.499, 1, 1)),
                0.499, new boolean[0], null, 0.03);
        assertTrue(GradientMaskingChecks.blackBoxBeatsWhiteBox(report).isEmpty());
    }

    @Test
    void accuracyRisingWithEpsIsFlagged() {
        double[] eps = {0, 0.01, 0.02, 0.04};
        assertTrue(GradientMaskingChecks.notMonotoneInEps(eps, new double[] {0.9, 0.6, 0.6, 0.2}).isEmpty());
        MaskingFlag flag = GradientMaskingChecks.notMonotoneInEps(eps, new double[] {0.9, 0.5, 0.6, 0.2})
                .orElseThrow();
        assertEquals(MaskingFlag.Kind.NOT_MONOTONE_IN_EPS, flag.kind());
        assertTrue(flag.message().contains("0.01 -> 0.02"), flag.message());
        assertThrows(IllegalArgumentException.class,
                () -> GradientMaskingChecks.notMonotoneInEps(new double[] {0.1, 0.05}, new double[] {1, 1}));
    }

    @Test
    void apgdCurveOnARandomMlpIsMonotone() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 5, 6, false);
            NDArray x = TestData.images(m, 24, 3, 8, 8, 0, 1, 7);
            int[] y = TestData.predictedLabels(model, x);
            double[] eps = {0, 0.005, 0.01, 0.02, 0.05, 0.1};
            double[] acc = GradientMaskingChecks.robustAccuracyCurve(
                    e -> new Apgd(ApgdConfig.of(Norm.LINF, e, new CrossEntropyLoss(), 1, 2).withIterations(10)),
                    model, x, y, eps);
            assertEquals(1.0, acc[0]);
            assertTrue(acc[eps.length - 1] < 0.5, "APGD should fool most points at eps 0.1");
            assertTrue(GradientMaskingChecks.notMonotoneInEps(eps, acc).isEmpty());
        }
    }
}
