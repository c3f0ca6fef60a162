package org.grace.theory.spectral;

/**
 * Settings of {@link SpectralDensityEstimator} (stochastic Lanczos quadrature).
 *
 * @param probes           independent Rademacher start vectors (n_v); results are averaged
 * @param steps            Lanczos steps per probe (quadrature nodes per probe)
 * @param gridPoints       points of the density grid (≥ 2)
 * @param varianceFraction Gaussian kernel variance as a fraction of max(1, λ_max − λ_min)
 *                         (PyHessian and Google spectral-density use 1e-5; Google suggests trying up to 1e-1)
 * @param seed             seed of the probes
 */
public record SlqConfig(int probes, int steps, int gridPoints, double varianceFraction, long seed) {

    public SlqConfig {
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be >= 1, got " + probes);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (gridPoints < 2) {
            throw new IllegalArgumentException("gridPoints must be >= 2, got " + gridPoints);
        }
        if (!(varianceFraction > 0.0)) {
            throw new IllegalArgumentException("varianceFraction must be positive, got " + varianceFraction);
        }
    }
}
