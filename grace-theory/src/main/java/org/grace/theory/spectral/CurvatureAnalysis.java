package org.grace.theory.spectral;

import java.util.Map;

/**
 * One call that measures everything the failure-mode table needs about a Hessian: a symmetry check
 * (the operator must be a fixed symmetric matrix: fixed batch, eval mode, frozen adversarial inputs),
 * λ_max and top-k by {@link LanczosSolver}, tr by {@link HutchinsonTrace}, per-block traces by
 * {@link BlockTrace} and the spectral density by {@link SpectralDensityEstimator}, counting the
 * products each used.
 */
public final class CurvatureAnalysis {

    private final CurvatureConfig config;

    public CurvatureAnalysis(CurvatureConfig config) {
        this.config = config;
    }

    /**
     * @param layout the operator's named blocks (e.g. {@code ParameterSubset.layout()}); used when per-block
     *               traces are requested
     * @throws IllegalArgumentException if the symmetry check fails
     */
    public CurvatureReport analyse(SymmetricOperator op, BlockLayout layout) {
        long start = System.nanoTime();
        CountingOperator counted = new CountingOperator(op);
        double asymmetry = 0.0;
        if (config.symmetryTrials() > 0) {
            asymmetry = SymmetryCheck.relativeAsymmetry(counted, config.symmetryTrials(), config.lanczos().seed());
            if (asymmetry > config.symmetryTolerance()) {
                throw new IllegalArgumentException("operator is not symmetric: relative asymmetry " + asymmetry
                        + " exceeds " + config.symmetryTolerance()
                        + " (is the batch fixed, the model in eval mode, the adversarial input frozen?)");
            }
        }
        LanczosResult lanczos = new LanczosSolver(config.lanczos()).solve(counted);
        TraceEstimate trace = new HutchinsonTrace(config.trace()).estimate(counted);
        Map<String, TraceEstimate> blocks = config.perBlock()
                ? new BlockTrace(config.trace()).estimate(counted, layout) : Map.of();
        SpectralDensity density = config.density() == null ? null
                : new SpectralDensityEstimator(config.density()).estimate(counted);
        return new CurvatureReport(lanczos, trace, blocks, density, asymmetry, counted.products(),
                (System.nanoTime() - start) / 1e9);
    }
}
