package org.grace.theory.bound;

/**
 * The measured quantities Theorem 3.1 is evaluated from, for one method.
 *
 * @param method        method name (as in the method registry, e.g. "wise-ft")
 * @param empiricalRisk R̂_ID(θ), an error rate in [0, 1] (PAC-Bayes bounds hold for bounded losses)
 * @param squaredDrift  ‖θ − θ0‖² over the parameters the posterior is placed on
 * @param hessianTrace  Tr ∇²R_Rob(θ) over the same parameters: the theorem's E[∇²R_Rob], i.e. the Hessian
 *                      of the loss on adversarial inputs computed once and frozen (e.g. a Hutchinson
 *                      estimate); ≥ 0, because the second-order term (σ²/2)·Tr H is a Taylor expansion
 *                      about a minimum (check it with {@code GaussianSharpness})
 * @param discrepancy   max_{s,t} d_HΔH(D_s, D_t) (e.g. the largest proxy A-distance or Lemma 3.2 bound)
 * @param sampleCount   n, the number of training samples
 */
public record BoundInputs(String method, double empiricalRisk, double squaredDrift, double hessianTrace,
                          double discrepancy, long sampleCount) {

    public BoundInputs {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method name must be given");
        }
        if (!(empiricalRisk >= 0.0 && empiricalRisk <= 1.0)) {
            throw new IllegalArgumentException(method + ": empiricalRisk must be an error rate in [0, 1], got " + empiricalRisk);
        }
        requireNonNegative(method, "squaredDrift", squaredDrift);
        requireNonNegative(method, "discrepancy", discrepancy);
        if (!Double.isFinite(hessianTrace) || hessianTrace < 0.0) {
            throw new IllegalArgumentException(method + ": hessianTrace must be finite and >= 0 (the sharpness term is a "
                    + "second-order expansion about a minimum), got " + hessianTrace);
        }
        if (sampleCount < 1) {
            throw new IllegalArgumentException(method + ": sampleCount must be >= 1, got " + sampleCount);
        }
    }

    private static void requireNonNegative(String method, String name, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new IllegalArgumentException(method + ": " + name + " must be finite and >= 0, got " + value);
        }
    }
}
