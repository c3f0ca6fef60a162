package org.grace.theory.hessian;

/**
 * Settings of {@link FiniteDifferenceHessian}.
 *
 * <p>Step rule: ε = relativeStep·(1 + rms(θ)) / ‖v‖₂, so the displacement εv has Euclidean norm
 * relativeStep·(1 + rms(θ)) whatever the length of v, and grows with the typical parameter size.
 * The central difference has truncation error O(ε²‖∇³L‖) and round-off O(u‖∇L‖/ε), balanced near
 * ε ~ u^{1/3}: measured best ≈ 1e-5 with float64 gradients and ≈ 3e-2 with float32 gradients
 * (theory.md §3 table), the two presets below.
 *
 * @param relativeStep     the relative step (0 &lt; relativeStep &lt; 1)
 * @param float64Gradients evaluate the gradients on float64 leaves (the loss must then accept
 *                         float64 parameters); otherwise on leaves of the parameters' own dtype
 */
public record FiniteDifferenceConfig(double relativeStep, boolean float64Gradients) {

    public FiniteDifferenceConfig {
        if (!(relativeStep > 0.0 && relativeStep < 1.0)) {
            throw new IllegalArgumentException("relativeStep must be in (0, 1), got " + relativeStep);
        }
    }

    /** Gradients in float64, step 1e-5. */
    public static FiniteDifferenceConfig float64() {
        return new FiniteDifferenceConfig(1e-5, true);
    }

    /** Gradients in the parameters' dtype (float32 for a float32 model), step 3e-2. */
    public static FiniteDifferenceConfig nativePrecision() {
        return new FiniteDifferenceConfig(3e-2, false);
    }
}
