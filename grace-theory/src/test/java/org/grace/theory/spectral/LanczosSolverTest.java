package org.grace.theory.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LanczosSolverTest {

    @Test
    void extremeRitzValuesMatchTheDenseEigensolverAfterNSteps() {
        qt().withFixedSeed(20260101L).withExamples(60).forAll(integers().between(1, 40), longs().all()).checkAssert((n, seed) -> {
            double[][] a = RandomMatrices.symmetric(n, seed);
            double[] exact = RandomMatrices.eigenvalues(a);
            LanczosResult result = new LanczosSolver(new LanczosConfig(n, 1, 1e-12, seed))
                    .solve(new DenseSymmetricOperator(a));
            double scale = Math.max(Math.abs(exact[0]), Math.abs(exact[n - 1]));
            assertEquals(exact[n - 1], result.lambdaMax(), 1e-9 * scale, "lambda_max");
            if (result.stopReason() != LanczosResult.StopReason.CONVERGED) {
                double[] ritz = result.ritzValues();
                assertEquals(exact[0], ritz[0], 1e-9 * scale, "lambda_min after a full run");
            }
        });
    }

    @Test
    void topKRitzValuesLieWithinTheirResidualOfTrueEigenvalues() {
        qt().withFixedSeed(20260101L).withExamples(40).forAll(integers().between(10, 60), longs().all()).checkAssert((n, seed) -> {
            double[][] a = RandomMatrices.symmetric(n, seed);
            double[] exact = RandomMatrices.eigenvalues(a);
            LanczosResult result = new LanczosSolver(new LanczosConfig(n, 3, 1e-6, seed))
                    .solve(new DenseSymmetricOperator(a));
            for (RitzPair pair : result.top()) {
                double nearest = Double.POSITIVE_INFINITY;
                for (double lambda : exact) {
                    nearest = Math.min(nearest, Math.abs(lambda - pair.value()));
                }
                assertTrue(nearest <= pair.residual() + 1e-10 * Math.abs(exact[n - 1]),
                        "Ritz value " + pair.value() + " is " + nearest + " from the spectrum, residual " + pair.residual());
            }
            if (result.stopReason() == LanczosResult.StopReason.CONVERGED) {
                for (RitzPair pair : result.top()) {
                    assertTrue(pair.residual() <= 1e-6 * Math.abs(pair.value()), "converged pairs meet the rule");
                }
            }
        });
    }

    @Test
    void ritzValuesInterlaceFromStepToStepAndStayInsideTheSpectrum() {
        qt().withFixedSeed(20260101L).withExamples(50).forAll(integers().between(2, 30), longs().all()).checkAssert((n, seed) -> {
            double[][] a = RandomMatrices.symmetric(n, seed);
            double[] exact = RandomMatrices.eigenvalues(a);
            LanczosResult result = new LanczosSolver(new LanczosConfig(n, 1, 1e-14, seed))
                    .solve(new DenseSymmetricOperator(a));
            List<double[]> history = result.history();
            double slack = 1e-9 * Math.max(Math.abs(exact[0]), Math.abs(exact[n - 1]));
            for (int j = 0; j + 1 < history.size(); j++) {
                double[] small = history.get(j);
                double[] large = history.get(j + 1);
                assertEquals(small.length + 1, large.length);
                for (int i = 0; i < small.length; i++) {
                    assertTrue(large[i] <= small[i] + slack && small[i] <= large[i + 1] + slack,
                            "step " + (j + 1) + ": θ_" + i + "=" + small[i] + " not between " + large[i] + " and " + large[i + 1]);
                }
            }
            for (double[] step : history) {
                for (double theta : step) {
                    assertTrue(theta >= exact[0] - slack && theta <= exact[n - 1] + slack, "Ritz value outside spectrum");
                }
            }
        });
    }

    @Test
    void reportedResidualIsTheTrueResidualOfTheRitzVector() {
        double[][] a = RandomMatrices.symmetric(50, 5L);
        DenseSymmetricOperator op = new DenseSymmetricOperator(a);
        LanczosResult result = new LanczosSolver(new LanczosConfig(20, 2, 1e-12, 3L)).solve(op);
        for (RitzPair pair : result.top()) {
            double[] r = op.apply(pair.vector());
            Vectors.axpy(-pair.value(), pair.vector(), r);
            assertEquals(1.0, Vectors.norm(pair.vector()), 1e-12);
            assertEquals(pair.residual(), Vectors.norm(r), 1e-9 * Math.abs(pair.value()));
        }
    }

    @Test
    void convergesLongBeforeNWhenTheTopEigenvalueIsSeparated() {
        double[] spectrum = new double[200];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = -1.0 + 2.0 * i / spectrum.length;
        }
        spectrum[spectrum.length - 1] = 10.0;
        double[][] a = RandomMatrices.withSpectrum(spectrum, 9L);
        LanczosResult result = new LanczosSolver(new LanczosConfig(200, 1, 1e-8, 1L))
                .solve(new DenseSymmetricOperator(a));
        assertEquals(LanczosResult.StopReason.CONVERGED, result.stopReason());
        assertTrue(result.steps() < 30, "steps " + result.steps());
        assertEquals(10.0, result.lambdaMax(), 1e-7);
    }

    @Test
    void fullReorthogonalisationLeavesNoGhostCopiesOfAConvergedEigenvalue() {
        double[] spectrum = new double[300];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = -1.0 + 2.0 * i / spectrum.length;
        }
        spectrum[299] = 10.0;
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.withSpectrum(spectrum, 12L));
        double[] start = Vectors.rademacher(300, new SplittableRandom(2L));
        LanczosResult result = new LanczosSolver(new LanczosConfig(150, 1, 0.5, 1L)).fixedSteps(op, start);
        assertEquals(150, result.steps());
        long copies = Arrays.stream(result.ritzValues()).filter(t -> Math.abs(t - 10.0) < 1e-3).count();
        assertEquals(1, copies, "Ritz values near 10: a plain three-term recurrence produces ghost copies (Paige)");
    }

    @Test
    void stopsAtAnInvariantSubspaceWithExactEigenvalues() {
        double[] spectrum = {1, 1, 1, 1, 4, 4, 4, 4, 9, 9, 9, 9};
        double[][] a = RandomMatrices.withSpectrum(spectrum, 2L);
        LanczosResult result = new LanczosSolver(new LanczosConfig(12, 3, 1e-14, 4L))
                .solve(new DenseSymmetricOperator(a));
        assertEquals(LanczosResult.StopReason.INVARIANT_SUBSPACE, result.stopReason());
        assertEquals(3, result.steps());
        assertArrayEquals(new double[] {1, 4, 9}, result.ritzValues(), 1e-10);
    }

    @Test
    void sameSeedGivesIdenticalResults() {
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.symmetric(30, 1L));
        LanczosConfig config = new LanczosConfig(15, 2, 1e-6, 42L);
        assertArrayEquals(new LanczosSolver(config).solve(op).ritzValues(), new LanczosSolver(config).solve(op).ritzValues());
    }

    @Test
    void nonFiniteProductsAndBadSettingsAreRejected() {
        SymmetricOperator broken = SymmetricOperator.of(4, v -> new double[] {0, Double.NaN, 0, 0});
        ArithmeticException nan = assertThrows(ArithmeticException.class,
                () -> new LanczosSolver(LanczosConfig.lambdaMax(1L)).solve(broken));
        assertTrue(nan.getMessage().contains("step 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LanczosConfig(0, 1, 1e-3, 1L));
        assertThrows(IllegalArgumentException.class, () -> new LanczosConfig(5, 6, 1e-3, 1L));
        assertThrows(IllegalArgumentException.class, () -> new LanczosConfig(5, 1, 0.0, 1L));
        DenseSymmetricOperator op = DenseSymmetricOperator.diagonal(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class,
                () -> new LanczosSolver(LanczosConfig.lambdaMax(1L)).solve(op, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> new LanczosSolver(LanczosConfig.lambdaMax(1L)).solve(op, new double[] {1, 0, 0}));
    }
}
