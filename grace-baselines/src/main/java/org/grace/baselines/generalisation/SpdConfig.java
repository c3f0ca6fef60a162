package org.grace.baselines.generalisation;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.Objects;
import java.util.Set;

/**
 * Settings of SPD: Adam (no decoupled weight decay: SPD's λ replaces it), warmup-cosine and
 * clipping, plus λ.
 *
 * @param optimisation the loop's settings; its weight decay is always 0
 * @param decay the selective projection rule with λ (key {@code spd_lambda})
 */
public record SpdConfig(OptimisationSettings optimisation, SelectiveProjectionDecay decay) {

    /** Keys of this config. */
    public static final Set<String> KEYS = Set.of("lr", "warmup_fraction", "max_grad_norm", "spd_lambda");

    public SpdConfig {
        Objects.requireNonNull(optimisation, "optimisation");
        Objects.requireNonNull(decay, "decay");
        if (optimisation.weightDecay() != 0) {
            throw new IllegalArgumentException("SPD replaces AdamW's weight decay by spd_lambda; the loop's weight "
                    + "decay must be 0, was " + optimisation.weightDecay());
        }
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static SpdConfig from(MethodSettings settings) {
        settings.requireOnly(KEYS);
        try {
            return new SpdConfig(new OptimisationSettings(settings.number("lr"), 0, settings.number("warmup_fraction"),
                    settings.number("max_grad_norm")), new SelectiveProjectionDecay(settings.number("spd_lambda")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }
}
