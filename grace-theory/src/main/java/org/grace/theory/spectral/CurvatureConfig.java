package org.grace.theory.spectral;

/**
 * What {@link CurvatureAnalysis} computes.
 *
 * @param lanczos         λ_max / top-k settings
 * @param trace           Hutchinson settings for the whole trace and (if {@code perBlock}) each block's
 * @param density         stochastic Lanczos quadrature settings, or null to skip the density
 * @param perBlock        also estimate each block's trace
 * @param symmetryTrials  random pairs for the symmetry check run first (0 skips it)
 * @param symmetryTolerance relative asymmetry above which the analysis refuses the operator
 */
public record CurvatureConfig(LanczosConfig lanczos, HutchinsonConfig trace, SlqConfig density, boolean perBlock,
                              int symmetryTrials, double symmetryTolerance) {

    public CurvatureConfig {
        if (lanczos == null || trace == null) {
            throw new IllegalArgumentException("lanczos and trace settings must be given");
        }
        if (symmetryTrials < 0) {
            throw new IllegalArgumentException("symmetryTrials must be >= 0, got " + symmetryTrials);
        }
        if (symmetryTrials > 0 && !(symmetryTolerance > 0.0)) {
            throw new IllegalArgumentException("symmetryTolerance must be positive, got " + symmetryTolerance);
        }
    }

    /**
     * λ_max to 1e-3 within 100 steps, trace and per-block traces to 5% standard error within 100
     * probes, a 5-probe 80-step density, and a 2-pair symmetry check at 1e-4 (float32 products pass).
     */
    public static CurvatureConfig defaults(long seed) {
        return new CurvatureConfig(LanczosConfig.lambdaMax(seed), new HutchinsonConfig(10, 100, 0.05, 0.0, seed),
                new SlqConfig(5, 80, 1000, 1e-5, seed), true, 2, 1e-4);
    }
}
