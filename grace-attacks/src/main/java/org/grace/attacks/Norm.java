package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * The threat-model norm of a perturbation budget {@code ||x_adv - x||_p <= eps}.
 *
 * <p>Per-sample norms over all non-batch axes of an NCHW array: ℓ∞ = max |δ|, ℓ2 = sqrt(Σ δ²),
 * ℓ1 = Σ |δ|. Names follow auto-attack ({@code 'Linf'}, {@code 'L2'}, {@code 'L1'}); parsing is
 * case-insensitive and rejects anything else.
 */
public enum Norm {
    LINF("Linf"),
    L2("L2"),
    L1("L1");

    private final String label;

    Norm(String label) {
        this.label = label;
    }

    /** auto-attack's spelling of the norm. */
    public String label() {
        return label;
    }

    /** Parses "Linf", "L2" or "L1" (any case; "inf" and "linfty" also name ℓ∞). */
    public static Norm parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("norm name is null; expected one of Linf, L2, L1");
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "linf", "inf", "linfty", "l_inf":
                return LINF;
            case "l2", "2":
                return L2;
            case "l1", "1":
                return L1;
            default:
                throw new IllegalArgumentException(
                        "unknown norm '" + name + "'; expected one of Linf, L2, L1");
        }
    }

    /** Per-sample norm of {@code delta} [N, ...] as a [N] array. */
    public NDArray perSample(NDArray delta) {
        NDArray flat = delta.reshape(delta.getShape().get(0), -1);
        switch (this) {
            case LINF:
                return flat.abs().max(new int[] {1});
            case L2:
                return flat.square().sum(new int[] {1}).sqrt();
            default:
                return flat.abs().sum(new int[] {1});
        }
    }

    /** The dual norm q with 1/p + 1/q = 1 (ℓ∞ ↔ ℓ1, ℓ2 ↔ ℓ2). */
    public Norm dual() {
        switch (this) {
            case LINF:
                return L1;
            case L1:
                return LINF;
            default:
                return L2;
        }
    }
}
