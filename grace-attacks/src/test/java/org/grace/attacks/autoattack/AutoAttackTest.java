package org.grace.attacks.autoattack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.grace.attacks.Attack;
import org.grace.attacks.Norm;
import org.grace.attacks.PerturbationCheck;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;
import org.grace.attacks.apgd.Apgd;
import org.grace.attacks.apgd.ApgdConfig;
import org.grace.attacks.apgd.ApgdTargeted;
import org.grace.attacks.fab.Fab;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.loss.DlrLoss;
import org.grace.attacks.loss.TargetedDlrLoss;
import org.grace.attacks.pgd.Fgsm;
import org.grace.attacks.square.SquareAttack;
import org.grace.attacks.square.SquareConfig;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AutoAttackTest {

    private static List<Attack> cheapAttacks(double eps) {
        return List.of(
                new Apgd(ApgdConfig.of(Norm.LINF, eps, new CrossEntropyLoss(), 1, 1).withIterations(10)),
                new ApgdTargeted(ApgdConfig.of(Norm.LINF, eps, new TargetedDlrLoss(), 1, 1)
                        .withIterations(10).withTargetClasses(3)),
                new SquareAttack(new SquareConfig(Norm.LINF, eps, 50, 0.8, 1, 1)));
    }

    @Test
    void versionsListAutoAttacksAttacksInOrderWithItsSettings() {
        AutoAttack standard = AutoAttack.version("standard", Norm.LINF, 8 / 255.0, 0, 250);
        assertEquals(List.of("apgd-ce", "apgd-t", "fab-t", "square"),
                standard.attacks().stream().map(Attack::name).toList());
        assertEquals(1, ((Apgd) standard.attacks().get(0)).config().restarts());
        assertEquals(100, ((Apgd) standard.attacks().get(0)).config().iterations());
        assertEquals(9, ((ApgdTargeted) standard.attacks().get(1)).config().targetClasses());
        assertEquals(9, ((Fab) standard.attacks().get(2)).config().targetClasses());
        assertEquals(5000, ((SquareAttack) standard.attacks().get(3)).config().queries());
        AutoAttack plus = AutoAttack.version("plus", Norm.L2, 0.5, 0, 250);
        assertEquals(List.of("apgd-ce", "apgd-dlr", "fab", "square", "apgd-t", "fab-t"),
                plus.attacks().stream().map(Attack::name).toList());
        assertEquals(5, ((Apgd) plus.attacks().get(1)).config().restarts());
        assertEquals(5, ((Fab) plus.attacks().get(2)).config().restarts());
        AutoAttack rand = AutoAttack.version("rand", Norm.LINF, 4 / 255.0, 0, 250);
        assertEquals(List.of("apgd-ce", "apgd-dlr"), rand.attacks().stream().map(Attack::name).toList());
        assertEquals(20, ((Apgd) rand.attacks().get(0)).config().eotIterations());
        AutoAttack l1 = AutoAttack.custom(List.of("apgd-ce", "apgd-t"), Norm.L1, 12, 0, 250);
        assertEquals(5, ((Apgd) l1.attacks().get(0)).config().restarts());
    }

    @Test
    void unknownNamesAndVersionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AutoAttack.custom(List.of("apgd-ce", "deepfool"), Norm.LINF, 0.03, 0, 10));
        assertTrue(e.getMessage().contains("deepfool"));
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.version("fast", Norm.LINF, 0.03, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.version("custom", Norm.LINF, 0.03, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.version("standard", Norm.LINF, -1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.version("standard", Norm.L1, 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.ofAttacks(
                List.of(new Fgsm(Norm.LINF, 0.1), new Fgsm(Norm.LINF, 0.2)), 10));
    }

    @Test
    void robustAccuracyIsThePerSampleWorstCaseAndFallsAttackByAttack() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 5, 3, false);
            NDArray x = TestData.images(m, 40, 3, 8, 8, 0, 1, 4);
            int[] y = new int[40];
            for (int i = 0; i < y.length; i++) {
                y[i] = i % 5;
            }
            double eps = 0.01;
            RobustnessReport report = AutoAttack.ofAttacks(cheapAttacks(eps), 16).evaluate(model, x, y);
            assertEquals(TestData.accuracy(model, x, y), report.cleanAccuracy(), 1e-12);
            double previous = report.cleanAccuracy();
            for (AttackStep step : report.steps()) {
                assertTrue(step.robustAccuracy() <= previous, step.attack());
                previous = step.robustAccuracy();
            }
            assertEquals(previous, report.robustAccuracy());
            assertArrayEquals(report.robust(), Predictions.correct(model, report.adversarial(), y));
            PerturbationCheck.requireWithin("report", x, report.adversarial(), Norm.LINF, eps);
            assertTrue(report.robustAccuracy() < report.cleanAccuracy(), "the attacks should fool some points");
            // No single attack run alone does better than the ensemble.
            for (Attack attack : cheapAttacks(eps)) {
                double alone = TestData.accuracy(model, attack.perturb(model, x, y), y);
                assertTrue(report.robustAccuracy() <= alone, attack.name());
            }
            assertTrue(report.toText().contains("robust accuracy after APGD-T"));
        }
    }

    @Test
    void resultsDoNotDependOnBatchSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 5, 5, false);
            NDArray x = TestData.images(m, 64, 3, 8, 8, 0, 1, 6);
            int[] y = TestData.predictedLabels(model, x);
            RobustnessReport whole = AutoAttack.ofAttacks(cheapAttacks(0.01), 64).evaluate(model, x, y);
            RobustnessReport seven = AutoAttack.ofAttacks(cheapAttacks(0.01), 7).evaluate(model, x, y);
            assertArrayEquals(whole.robust(), seven.robust(), "batch size 7");
            assertTrue(whole.adversarial().sub(seven.adversarial()).abs().max().getFloat() < 1e-4);
            // Batch size 1 on the first 8 points (same sample ids: their indices).
            int[] first = new int[8];
            java.util.Arrays.setAll(first, i -> i);
            RobustnessReport single = AutoAttack.ofAttacks(cheapAttacks(0.01), 1)
                    .evaluate(model, Rows.gather(x, first), Rows.gather(y, first));
            assertArrayEquals(java.util.Arrays.copyOf(whole.robust(), 8), single.robust(), "batch size 1");
            assertTrue(Rows.gather(whole.adversarial(), first).sub(single.adversarial()).abs().max().getFloat() < 1e-4);
        }
    }

    @Test
    void zeroEpsKeepsCleanAccuracyAndLargeEpsReachesZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 5, 7, false);
            NDArray x = TestData.images(m, 24, 3, 8, 8, 0, 1, 8);
            int[] y = new int[24];
            for (int i = 0; i < y.length; i++) {
                y[i] = i % 5;
            }
            RobustnessReport none = AutoAttack.ofAttacks(cheapAttacks(0), 24).evaluate(model, x, y);
            assertEquals(none.cleanAccuracy(), none.robustAccuracy());
            RobustnessReport all = AutoAttack.ofAttacks(cheapAttacks(1.0), 24).evaluate(model, x, y);
            assertEquals(0.0, all.robustAccuracy());
        }
    }

    @Test
    @Tag("slow")
    void standardVersionRunsEndToEndOnATinyModel() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 48, 12, 10, 9, false);
            NDArray x = TestData.images(m, 6, 3, 4, 4, 0, 1, 10);
            int[] y = TestData.predictedLabels(model, x);
            RobustnessReport report = AutoAttack.version("standard", Norm.LINF, 0.1, 0, 6).evaluate(model, x, y);
            System.out.println(report.toText());
            assertEquals(4, report.steps().size());
            assertEquals(1.0, report.cleanAccuracy());
            assertTrue(report.robustAccuracy() < 1.0, report.toText());
        }
    }
}
