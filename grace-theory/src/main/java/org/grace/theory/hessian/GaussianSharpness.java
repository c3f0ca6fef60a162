package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Monte Carlo check of the sharpness term's second-order approximation:
 * E_{ε~N(0,σ²I)} L(θ + ε) − L(θ) ≈ (σ²/2)·Tr ∇²L(θ) (theory.md §5, "valid only while σ√d·‖H‖ is
 * small; check it numerically").
 *
 * <p>Estimator: antithetic pairs, s_j = [L(θ + ε_j) + L(θ − ε_j)]/2 − L(θ), which removes the
 * gradient (odd) term exactly, so s_j = ½ ε_jᵀ H ε_j + O(σ⁴) with mean (σ²/2) Tr H. Reports the mean
 * of s_j, its standard error, and the Taylor prediction from a given trace. Noise is drawn in float64
 * from a seeded stream (Box–Muller); losses are evaluated in float64 when {@code float64} is set
 * (the loss must then accept float64 parameters), otherwise in the parameters' dtype, where the
 * loss differences of small σ drown in float32 rounding.
 */
public final class GaussianSharpness {

    /**
     * @param sigma         noise standard deviation
     * @param mean          Monte Carlo mean of L(θ+ε) − L(θ) (antithetic)
     * @param standardError its standard error
     * @param taylor        (σ²/2)·trace for the trace supplied
     * @param pairs         antithetic pairs drawn (2·pairs + 1 loss evaluations)
     */
    public record Result(double sigma, double mean, double standardError, double taylor, int pairs) {

        /** mean / taylor: 1 where the second-order term describes the loss increase. */
        public double ratio() {
            return mean / taylor;
        }
    }

    private final ParameterSubset subset;
    private final LossGradient evaluator;
    private final DataType type;

    public GaussianSharpness(ParameterSubset subset, Function<List<NDArray>, NDArray> loss, boolean float64) {
        this.subset = subset;
        this.evaluator = new LossGradient(subset, loss);
        this.type = float64 ? DataType.FLOAT64 : null;
    }

    /**
     * @throws IllegalArgumentException if sigma is not positive, pairs &lt; 2, or the trace is not finite
     */
    public Result estimate(double sigma, double hessianTrace, int pairs, long seed) {
        if (!(sigma > 0.0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        if (pairs < 2) {
            throw new IllegalArgumentException("need at least 2 antithetic pairs, got " + pairs);
        }
        if (!Double.isFinite(hessianTrace)) {
            throw new IllegalArgumentException("hessianTrace must be finite, got " + hessianTrace);
        }
        double[] theta = subset.flatten();
        double base = evaluator.valueAt(theta, type);
        SplittableRandom random = new SplittableRandom(seed);
        double mean = 0.0;
        double m2 = 0.0;
        for (int j = 1; j <= pairs; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int i = 0; i < theta.length; i++) {
                double e = sigma * gaussian(random);
                plus[i] += e;
                minus[i] -= e;
            }
            double sample = 0.5 * (evaluator.valueAt(plus, type) + evaluator.valueAt(minus, type)) - base;
            double delta = sample - mean;
            mean += delta / j;
            m2 += delta * (sample - mean);
        }
        double standardError = Math.sqrt(m2 / (pairs - 1) / pairs);
        return new Result(sigma, mean, standardError, 0.5 * sigma * sigma * hessianTrace, pairs);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * random.nextDouble());
    }
}
