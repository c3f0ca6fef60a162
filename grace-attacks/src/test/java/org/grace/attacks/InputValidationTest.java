package org.grace.attacks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.grace.attacks.pgd.Fgsm;
import org.grace.attacks.pgd.Pgd;
import org.grace.attacks.pgd.PgdConfig;
import org.grace.attacks.testing.LinearClassifier;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    private static void expect(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage()
                + "' should mention '" + fragment + "'");
    }

    @Test
    void badImagesAndLabelsAreRejectedWithTheFaultNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinearClassifier model = LinearClassifier.random(m, 3, 12, 1.0, 1);
            Fgsm fgsm = new Fgsm(Norm.LINF, 0.1);
            expect("[N, C, H, W]", () -> fgsm.perturb(model, m.ones(new Shape(2, 12)), new int[] {0, 1}));
            expect("[0,1]", () -> fgsm.perturb(model, m.ones(new Shape(2, 3, 2, 2)).mul(2), new int[] {0, 1}));
            expect("[0,1]", () -> fgsm.perturb(model, m.ones(new Shape(2, 3, 2, 2)).neg(), new int[] {0, 1}));
            expect("float32", () -> fgsm.perturb(model,
                    m.ones(new Shape(2, 3, 2, 2)).toType(DataType.FLOAT64, false), new int[] {0, 1}));
            NDArray ok = m.ones(new Shape(2, 3, 2, 2)).mul(0.5f);
            expect("labels", () -> fgsm.perturb(model, ok, new int[] {0}));
            expect("label 3", () -> fgsm.perturb(model, ok, new int[] {0, 3}));
            expect("sample ids", () -> fgsm.perturb(model, ok, new int[] {0, 1}, new long[] {0}));
        }
    }

    @Test
    void negativeOrNonFiniteEpsIsRejected() {
        expect("eps", () -> new Fgsm(Norm.LINF, -0.1));
        expect("eps", () -> new Fgsm(Norm.LINF, Double.NaN));
        expect("eps", () -> PgdConfig.madry(Norm.L2, -1, 0.1, 10, 0));
        expect("stepSize", () -> PgdConfig.madry(Norm.L2, 1, 0, 10, 0));
    }

    @Test
    void unknownNormIsRejected() {
        expect("'L3'", () -> Norm.parse("L3"));
        expect("L1", () -> new Pgd(PgdConfig.madry(Norm.L1, 1, 0.1, 10, 0)));
    }

    @Test
    void perturbationOutsideTheBallIsABug() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(2, 1, 2, 2)).mul(0.5f);
            PerturbationCheck.requireWithin("t", x, x.add(0.1f), Norm.LINF, 0.1);
            assertThrows(PerturbationBoundViolation.class,
                    () -> PerturbationCheck.requireWithin("t", x, x.add(0.11f), Norm.LINF, 0.1));
            assertThrows(PerturbationBoundViolation.class,
                    () -> PerturbationCheck.requireWithin("t", x, x.add(0.1f), Norm.L2, 0.1));
            assertThrows(PerturbationBoundViolation.class,
                    () -> PerturbationCheck.requireWithin("t", x, x.add(0.6f), Norm.LINF, 1.0));
        }
    }
}
