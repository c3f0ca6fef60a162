package org.grace.theory.discrepancy;

/**
 * Settings of {@link Lemma32Discrepancy}.
 *
 * @param lipschitzConstant L_f of the lemma's 2L_f factor. It cannot be estimated from features
 *                          (theory.md §6); the default 0.5 makes 2L_f = 1, so the reported bound is
 *                          the bracket itself, the number that can be compared across methods
 * @param biasCorrection    subtract the centroid term's small-sample bias (see {@link Lemma32Discrepancy})
 * @param weighting         which class frequencies π_c are
 */
public record Lemma32Config(double lipschitzConstant, boolean biasCorrection, ClassWeighting weighting) {

    /** Where the class frequencies π_c come from. */
    public enum ClassWeighting {
        /** π_c = (n_s^c + n_t^c)/(n_s + n_t) over the shared classes: symmetric in s and t. */
        POOLED,
        /** π_c = n_s^c / n_s over the shared classes (the source domain's label distribution). */
        SOURCE
    }

    public Lemma32Config {
        if (!(lipschitzConstant > 0.0) || Double.isInfinite(lipschitzConstant)) {
            throw new IllegalArgumentException("lipschitzConstant must be positive and finite, got " + lipschitzConstant);
        }
        if (weighting == null) {
            throw new IllegalArgumentException("weighting must be given");
        }
    }

    /** 2L_f = 1, bias-corrected, pooled weights. */
    public static Lemma32Config defaults() {
        return new Lemma32Config(0.5, true, ClassWeighting.POOLED);
    }
}
