package org.grace.attacks;

import ai.djl.ndarray.NDArray;

/**
 * Euclidean projection onto {x' : ||x' - x||_p <= eps} followed by clipping to [0,1], for p = ∞
 * and p = 2, as auto-attack does it ({@code autopgd_base.py}):
 * ℓ∞: {@code clip(x + clip(x' - x, -eps, eps), 0, 1)};
 * ℓ2: {@code clip(x + δ / (||δ||_2 + 1e-12) · min(eps, ||δ||_2), 0, 1)} with δ = x' - x.
 * Clipping to [0,1] after the ℓ2 rescale only shrinks |δ_i|, so the result stays in the ball.
 * ℓ1 needs the exact box-constrained projection, see {@code org.grace.attacks.apgd.L1Projection}.
 */
public final class BallProjection {

    private BallProjection() {}

    /** Projects {@code candidate} onto the ε-ball around {@code x} and [0,1]. */
    public static NDArray project(Norm norm, NDArray candidate, NDArray x, double eps) {
        switch (norm) {
            case LINF:
                // Computed from the candidate so every intermediate lives in the candidate's
                // (per-iteration) manager rather than in the clean image's.
                return candidate.sub(x).clip(-(float) eps, (float) eps).add(x).clip(0f, 1f);
            case L2:
                NDArray delta = candidate.sub(x);
                NDArray length = perSampleColumn(Norm.L2.perSample(delta), delta);
                NDArray scale = length.minimum((float) eps).div(length.add(1e-12f));
                return delta.mul(scale).add(x).clip(0f, 1f);
            default:
                throw new IllegalArgumentException("BallProjection handles Linf and L2; got "
                        + norm.label() + " (use L1Projection)");
        }
    }

    /** Reshapes a per-sample [N] array to [N, 1, 1, 1] like {@code like}. */
    public static NDArray perSampleColumn(NDArray perSample, NDArray like) {
        long[] shape = new long[like.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = like.getShape().get(0);
        return perSample.reshape(shape);
    }

    /** g / (||g||_2 + 1e-12) per sample (auto-attack's ℓ2 step direction). */
    public static NDArray unitL2(NDArray g) {
        return g.div(perSampleColumn(Norm.L2.perSample(g), g).add(1e-12f));
    }
}
