package org.grace.theory.spectral;

/**
 * Settings of {@link LanczosSolver}.
 *
 * @param maxSteps  the most Lanczos steps (= operator products); capped at the dimension at run time
 * @param topK      how many of the largest Ritz pairs must converge before stopping (≥ 1)
 * @param tolerance relative residual tolerance: pair i has converged when β_m·|s_{m,i}| ≤ tolerance·|θ_i|
 *                  (β_m·|s_{m,i}| = ‖A y_i − θ_i y_i‖ for the unit Ritz vector y_i, theory.md §2)
 * @param seed      seed of the Rademacher start vector
 */
public record LanczosConfig(int maxSteps, int topK, double tolerance, long seed) {

    public LanczosConfig {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (topK < 1 || topK > maxSteps) {
            throw new IllegalArgumentException("topK must be in [1, maxSteps=" + maxSteps + "], got " + topK);
        }
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
    }

    /** λ_max to relative residual 1e-3 within 100 steps, the scale PyHessian uses by default. */
    public static LanczosConfig lambdaMax(long seed) {
        return new LanczosConfig(100, 1, 1e-3, seed);
    }
}
