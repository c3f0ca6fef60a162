package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.function.Function;
import org.grace.theory.spectral.Vectors;

/**
 * Hessian-vector products by central finite differences of gradients:
 * Hv ≈ [∇L(θ + εv) − ∇L(θ − εv)] / (2ε), with ε from {@link FiniteDifferenceConfig}'s step rule.
 *
 * <p>Definition and error analysis: theory.md §3. θ ± εv and the difference quotient are formed in
 * float64 in Java; the gradients are computed on fresh leaves in float64 or in the parameters'
 * dtype (config). Two gradients per product, no graph kept between calls, any engine op works.
 * The result is symmetric only up to the O(ε²) truncation error.
 */
public final class FiniteDifferenceHessian implements HessianOperator {

    private final ParameterSubset subset;
    private final LossGradient gradient;
    private final double[] theta;
    private final double stepNorm;
    private final DataType leafType;

    public FiniteDifferenceHessian(ParameterSubset subset, Function<List<NDArray>, NDArray> loss,
                                   FiniteDifferenceConfig config) {
        this.subset = subset;
        this.gradient = new LossGradient(subset, loss);
        this.theta = subset.flatten();
        this.stepNorm = config.relativeStep() * (1.0 + Vectors.norm(theta) / Math.sqrt(theta.length));
        this.leafType = config.float64Gradients() ? DataType.FLOAT64 : null;
    }

    @Override
    public ParameterSubset parameters() {
        return subset;
    }

    @Override
    public int dimension() {
        return subset.dimension();
    }

    /** The displacement norm ε‖v‖ used for every product. */
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public double[] apply(double[] v) {
        Vectors.requireLength(v, dimension(), "v");
        Vectors.requireFinite(v, "v");
        double vNorm = Vectors.norm(v);
        if (vNorm == 0.0) {
            return new double[v.length];
        }
        double eps = stepNorm / vNorm;
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        Vectors.axpy(eps, v, plus);
        Vectors.axpy(-eps, v, minus);
        double[] gPlus = gradient.at(plus, leafType);
        double[] gMinus = gradient.at(minus, leafType);
        double[] out = new double[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (gPlus[i] - gMinus[i]) / (2.0 * eps);
        }
        return out;
    }

    /** Holds no native memory between products. */
    @Override
    public void close() {
        // every gradient is computed in its own NDManager scope that is already closed
    }
}
