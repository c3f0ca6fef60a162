package org.grace.attacks.checks;

/**
 * A warning that an evaluation may overestimate robustness, in the spirit of auto-attack's
 * {@code checks.py} / {@code flags_doc.md}. Flags are warnings, not errors: each names a symptom
 * of gradient masking and what to do about it (see the module README).
 *
 * @param kind    which check fired
 * @param message what was observed, with numbers
 */
public record MaskingFlag(Kind kind, String message) {

    /** The checks. */
    public enum Kind {
        /** Some inputs have an all-zero loss gradient: gradient-based attacks cannot move them. */
        ZERO_GRADIENT,
        /** Outputs look like probabilities (in [0,1], rows sum to 1): attacks need logits. */
        PROBABILITY_OUTPUTS,
        /** Repeated forward passes disagree: the model is randomised; use EOT (version 'rand'). */
        RANDOMISED_OUTPUTS,
        /** A black-box attack fooled points every white-box attack missed. */
        BLACK_BOX_BEATS_WHITE_BOX,
        /** Robust accuracy rose when ε grew. */
        NOT_MONOTONE_IN_EPS
    }
}
