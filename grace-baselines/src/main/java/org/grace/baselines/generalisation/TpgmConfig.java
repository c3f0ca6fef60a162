package org.grace.baselines.generalisation;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of TPGM: the end-to-end finetuning settings plus the projection-radius fit.
 *
 * @param optimisation settings of the underlying {@code ft} run
 * @param projectionSteps Adam iterations on the radii, ≥ 1 (key {@code projection_steps}; TPGM's
 *     {@code max_iters} is 200 at ImageNet scale, the embedded default is 50)
 * @param projectionLr Adam learning rate of the radii, &gt; 0 (key {@code projection_lr}; TPGM's
 *     {@code proj_lr} 1e-2)
 */
public record TpgmConfig(OptimisationSettings optimisation, int projectionSteps, double projectionLr) {

    /** Keys of this config. */
    public static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(OptimisationSettings.KEYS);
        keys.add("projection_steps");
        keys.add("projection_lr");
        KEYS = Set.copyOf(keys);
    }

    public TpgmConfig {
        Objects.requireNonNull(optimisation, "optimisation");
        if (projectionSteps < 1) {
            throw new IllegalArgumentException("projection_steps must be at least 1, was " + projectionSteps);
        }
        if (!(projectionLr > 0) || Double.isInfinite(projectionLr)) {
            throw new IllegalArgumentException("projection_lr must be positive and finite, was " + projectionLr);
        }
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static TpgmConfig from(MethodSettings settings) {
        settings.requireOnly(KEYS);
        try {
            return new TpgmConfig(OptimisationSettings.read(settings), settings.integer("projection_steps"),
                    settings.number("projection_lr"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }
}
