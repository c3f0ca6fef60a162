package org.grace.baselines.generalisation;

/**
 * The selection rule and projection of AdamSPD (Tian, Huang &amp; Kira, "Rethinking Weight Decay
 * for Robust Fine-Tuning of Foundation Models", NeurIPS 2024; {@code GT-RIPL/Selective-Projection-Decay}
 * {@code adamSPD.py}), per tensor θ with anchor θ₀, after the Adam step θ_{t−1} → θ̃:
 * <pre>
 *   c = −g_tᵀ(θ_{t−1} − θ₀)                                   (raw gradient g_t)
 *   if c &lt; 0:  r = hardtanh( (‖θ̃ − θ₀‖ − ‖θ_{t−1} − θ₀‖) / ‖θ̃ − θ₀‖, 0, 1 )
 *              θ_t = θ̃ − λ·r·(θ̃ − θ₀)
 *   else:      θ_t = θ̃
 * </pre>
 * λ is the optimiser's {@code weight_decay}; it is not multiplied by the learning rate and no other
 * decay is applied. With λ = 1 the selected tensor is pulled back exactly onto the sphere of its
 * previous distance from θ₀.
 *
 * @param lambda λ ≥ 0
 */
public record SelectiveProjectionDecay(double lambda) {

    public SelectiveProjectionDecay {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("spd_lambda must be finite and >= 0, was " + lambda);
        }
    }

    /** Whether a tensor with condition value c is decayed: c &lt; 0. */
    public static boolean selects(double condition) {
        return condition < 0;
    }

    /** r = hardtanh((‖θ̃−θ₀‖ − ‖θ_{t−1}−θ₀‖) / ‖θ̃−θ₀‖, 0, 1); 0 when θ̃ = θ₀. */
    public static double ratio(double previousDistance, double currentDistance) {
        if (!(currentDistance > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (currentDistance - previousDistance) / currentDistance));
    }

    /** The factor λ·r of the pull toward θ₀, or 0 for a tensor the condition does not select. */
    public double coefficient(double condition, double previousDistance, double currentDistance) {
        return selects(condition) ? lambda * ratio(previousDistance, currentDistance) : 0;
    }
}
