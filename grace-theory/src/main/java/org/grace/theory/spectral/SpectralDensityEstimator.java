package org.grace.theory.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stochastic Lanczos quadrature (SLQ) estimate of the spectral density of a symmetric operator.
 *
 * <p>Definition (Golub &amp; Meurant; Lin, Saad &amp; Yang 2016; Ghorbani, Krishnan &amp; Xiao 2019;
 * theory.md §1): for a unit Rademacher probe v, vᵀ f(A) v ≈ Σ_i w_i f(θ_i) with nodes θ_i the
 * eigenvalues of the m-step Lanczos tridiagonal T_m started at v and weights w_i = s_{1,i}² (squared
 * first components of T_m's eigenvectors). Smoothing with a Gaussian kernel g_σ gives
 * φ(t) = (1/n_v) Σ_probes Σ_i w_i g_σ(t − θ_i), and tr f(A) ≈ N·(1/n_v) Σ_probes Σ_i w_i f(θ_i).
 * The Lanczos runs use {@link LanczosSolver} (full reorthogonalisation, float64) with a fixed step
 * count; a run that reaches an invariant subspace stops early, which is exact for that probe.
 *
 * <p>Grid: [min θ − pad, max θ + pad] with pad = 4σ + 0.01·max(1, range), where σ² =
 * varianceFraction·max(1, range) and range = max θ − min θ over all probes (the PyHessian/Google
 * rule for σ²; PyHessian pads by a fixed 0.01). The density is renormalised to integrate to 1 on
 * the grid.
 */
public final class SpectralDensityEstimator {

    private final SlqConfig config;

    public SpectralDensityEstimator(SlqConfig config) {
        this.config = config;
    }

    public SpectralDensity estimate(SymmetricOperator op) {
        int n = op.dimension();
        SplittableRandom random = new SplittableRandom(config.seed());
        List<double[]> nodes = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double traceSum = 0.0;
        int steps = Math.min(config.steps(), n);
        // topK and tolerance are unused: fixedSteps ignores the residual rule
        LanczosSolver lanczos = new LanczosSolver(new LanczosConfig(steps, 1, 0.5, config.seed()));
        for (int p = 0; p < config.probes(); p++) {
            double[] start = Vectors.rademacher(n, random);
            LanczosResult run = lanczos.fixedSteps(op, start);
            TridiagonalEigen eig = TridiagonalEigen.of(run.alpha(), run.beta(), run.steps());
            double[] theta = eig.values();
            double[] w = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                double s = eig.vectorComponent(0, i);
                w[i] = s * s;
                traceSum += w[i] * theta[i];
                lo = Math.min(lo, theta[i]);
                hi = Math.max(hi, theta[i]);
            }
            nodes.add(theta);
            weights.add(w);
        }
        double range = hi - lo;
        double variance = config.varianceFraction() * Math.max(1.0, range);
        double sigma = Math.sqrt(variance);
        double pad = 4.0 * sigma + 0.01 * Math.max(1.0, range);
        double[] grid = new double[config.gridPoints()];
        double[] density = new double[config.gridPoints()];
        double step = (range + 2 * pad) / (config.gridPoints() - 1);
        double norm = 1.0 / (config.probes() * Math.sqrt(2 * Math.PI * variance));
        for (int g = 0; g < grid.length; g++) {
            grid[g] = lo - pad + g * step;
            double sum = 0.0;
            for (int p = 0; p < nodes.size(); p++) {
                double[] theta = nodes.get(p);
                double[] w = weights.get(p);
                for (int i = 0; i < theta.length; i++) {
                    double d = grid[g] - theta[i];
                    sum += w[i] * Math.exp(-d * d / (2 * variance));
                }
            }
            density[g] = sum * norm;
        }
        double integral = 0.0;
        for (int g = 1; g < grid.length; g++) {
            integral += 0.5 * (density[g] + density[g - 1]) * step;
        }
        if (integral > 0.0) {
            for (int g = 0; g < grid.length; g++) {
                density[g] /= integral;
            }
        }
        return new SpectralDensity(grid, density, List.copyOf(nodes), List.copyOf(weights), variance,
                n * traceSum / config.probes());
    }
}
