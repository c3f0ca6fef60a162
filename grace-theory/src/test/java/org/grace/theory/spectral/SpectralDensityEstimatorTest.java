package org.grace.theory.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralDensityEstimatorTest {

    private static double integral(SpectralDensity density) {
        double[] g = density.grid();
        double[] f = density.density();
        double s = 0.0;
        for (int i = 1; i < g.length; i++) {
            s += 0.5 * (f[i] + f[i - 1]) * (g[i] - g[i - 1]);
        }
        return s;
    }

    @Test
    void fewDistinctEigenvaluesGiveExactNodesAndPeaksThere() {
        double[] spectrum = new double[30];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = i < 20 ? 0.0 : 5.0;
        }
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.withSpectrum(spectrum, 3L));
        SpectralDensity density = new SpectralDensityEstimator(new SlqConfig(8, 10, 2001, 1e-3, 5L)).estimate(op);
        for (double[] nodes : density.nodes()) {
            assertEquals(2, nodes.length, "Krylov space of a two-eigenvalue matrix has dimension 2");
            assertArrayEquals(new double[] {0.0, 5.0}, nodes, 1e-9);
        }
        for (double[] weights : density.weights()) {
            assertEquals(1.0, weights[0] + weights[1], 1e-12);
        }
        assertEquals(1.0, integral(density), 1e-9);
        double massNearZero = 0.0;
        for (double[] weights : density.weights()) {
            massNearZero += weights[0] / density.weights().size();
        }
        assertEquals(20.0 / 30.0, massNearZero, 0.15, "weight of eigenvalue 0 approximates its multiplicity share");
        int peak = 0;
        for (int i = 0; i < density.density().length; i++) {
            if (density.density()[i] > density.density()[peak]) {
                peak = i;
            }
        }
        assertEquals(0.0, density.grid()[peak], 0.05);
    }

    @Test
    void traceFromQuadratureMatchesTheExactTrace() {
        double[] spectrum = new double[60];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = i * 0.5 - 3.0;
        }
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.withSpectrum(spectrum, 8L));
        SpectralDensity density = new SpectralDensityEstimator(new SlqConfig(30, 20, 500, 1e-3, 2L)).estimate(op);
        assertEquals(op.trace(), density.traceEstimate(), 0.1 * Math.abs(op.trace()) + 5.0);
        assertEquals(1.0, integral(density), 1e-9);
        double lo = density.grid()[0];
        double hi = density.grid()[density.grid().length - 1];
        assertTrue(lo < -3.0 && hi > 26.5, "grid covers the spectrum: [" + lo + ", " + hi + "]");
    }

    @Test
    void isDeterministicForASeedAndRejectsBadSettings() {
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.symmetric(25, 4L));
        SlqConfig config = new SlqConfig(3, 12, 100, 1e-2, 77L);
        assertArrayEquals(new SpectralDensityEstimator(config).estimate(op).density(),
                new SpectralDensityEstimator(config).estimate(op).density());
        assertThrows(IllegalArgumentException.class, () -> new SlqConfig(0, 10, 100, 1e-3, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SlqConfig(1, 10, 1, 1e-3, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SlqConfig(1, 10, 100, 0.0, 1L));
    }
}
