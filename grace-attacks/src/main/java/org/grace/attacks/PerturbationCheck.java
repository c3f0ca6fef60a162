package org.grace.attacks;

import ai.djl.ndarray.NDArray;

/**
 * The check applied to every batch an attack returns: each sample must satisfy
 * {@code ||x_adv - x||_p <= eps + tol} and {@code 0 <= x_adv <= 1}, with no NaN.
 *
 * <p>Tolerance: ℓ∞ allows {@code 1e-6} (float32 rounding of {@code x ± eps}); ℓ2 and ℓ1 allow
 * {@code 1e-5·eps + 1e-6} because their projections rescale by a float32 ratio.
 * Source: auto-attack's final log ({@code autoattack.py} prints max Lp norm, NaN count, min/max but
 * enforces nothing); departure: a violation throws {@link PerturbationBoundViolation}.
 */
public final class PerturbationCheck {

    private PerturbationCheck() {}

    /** Absolute slack allowed above eps for {@code norm}. */
    public static double tolerance(Norm norm, double eps) {
        return norm == Norm.LINF ? 1e-6 : 1e-5 * eps + 1e-6;
    }

    /** Throws {@link PerturbationBoundViolation} naming the first offending sample. */
    public static void requireWithin(String attack, NDArray clean, NDArray adversarial, Norm norm,
                                     double eps) {
        if (!clean.getShape().equals(adversarial.getShape())) {
            throw new PerturbationBoundViolation(attack + " returned shape "
                    + adversarial.getShape() + " for input shape " + clean.getShape());
        }
        float[] norms = norm.perSample(adversarial.sub(clean)).toFloatArray();
        double limit = eps + tolerance(norm, eps);
        for (int i = 0; i < norms.length; i++) {
            if (!(norms[i] <= limit)) {
                throw new PerturbationBoundViolation(attack + " left the " + norm.label()
                        + " ball: sample " + i + " has ||x_adv - x|| = " + norms[i] + " > eps = "
                        + eps);
            }
        }
        float min = adversarial.min().getFloat();
        float max = adversarial.max().getFloat();
        if (!(min >= 0f && max <= 1f)) {
            throw new PerturbationBoundViolation(attack + " left [0,1]: min " + min + ", max "
                    + max);
        }
    }
}
