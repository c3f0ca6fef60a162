package org.grace.theory.spectral;

import java.util.SplittableRandom;

/**
 * Numerical symmetry test for a matrix-free operator: for random Rademacher pairs (u, v) it compares
 * uᵀ(Av) with vᵀ(Au) and fails when |uᵀAv − vᵀAu| > tolerance·max(‖u‖‖Av‖, ‖v‖‖Au‖).
 *
 * <p>Why this scale: the two inner products are each computed to a relative accuracy set by the
 * product's precision, so the natural yardstick is the Cauchy–Schwarz bound on their size, not
 * the (possibly cancelling) values themselves. A float32 Hessian-vector product passes at 1e-4
 * (its relative error is about 2e-7, theory.md §3); a Hessian of a loss whose batch or dropout
 * changes between calls does not.
 */
public final class SymmetryCheck {

    private SymmetryCheck() {
    }

    /**
     * Returns the largest relative asymmetry seen over {@code trials} random pairs (costs 2·trials products).
     */
    public static double relativeAsymmetry(SymmetricOperator op, int trials, long seed) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be positive, got " + trials);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = op.dimension();
        double worst = 0.0;
        for (int t = 0; t < trials; t++) {
            double[] u = Vectors.rademacher(n, random);
            double[] v = Vectors.rademacher(n, random);
            double[] au = op.apply(u);
            double[] av = op.apply(v);
            Vectors.requireFinite(au, "operator product A·u");
            Vectors.requireFinite(av, "operator product A·v");
            double scale = Math.max(Vectors.norm(u) * Vectors.norm(av), Vectors.norm(v) * Vectors.norm(au));
            double gap = Math.abs(Vectors.dot(u, av) - Vectors.dot(v, au));
            worst = Math.max(worst, scale == 0.0 ? 0.0 : gap / scale);
        }
        return worst;
    }

    /**
     * Throws an {@link IllegalArgumentException} when the operator's relative asymmetry exceeds {@code tolerance}.
     */
    public static void requireSymmetric(SymmetricOperator op, int trials, double tolerance, long seed) {
        if (!(tolerance > 0.0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        double asymmetry = relativeAsymmetry(op, trials, seed);
        if (asymmetry > tolerance) {
            throw new IllegalArgumentException("operator is not symmetric: relative |uᵀAv − vᵀAu| = "
                    + asymmetry + " exceeds tolerance " + tolerance
                    + " (for a Hessian: is the batch fixed, the model in eval mode, the adversarial input frozen?)");
        }
    }
}
