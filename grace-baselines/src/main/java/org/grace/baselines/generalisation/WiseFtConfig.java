package org.grace.baselines.generalisation;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of WiSE-FT: the end-to-end finetuning settings plus the mixing coefficient.
 *
 * @param optimisation settings of the underlying {@code ft} run
 * @param alpha α ∈ [0, 1] of θ = (1−α)·θ_zs + α·θ_ft (key {@code alpha}; default 0.5, wise-ft's CLI default)
 */
public record WiseFtConfig(OptimisationSettings optimisation, double alpha) {

    /** Keys of this config. */
    public static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(OptimisationSettings.KEYS);
        keys.add("alpha");
        KEYS = Set.copyOf(keys);
    }

    public WiseFtConfig {
        Objects.requireNonNull(optimisation, "optimisation");
        WeightInterpolation.requireAlpha(alpha);
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static WiseFtConfig from(MethodSettings settings) {
        settings.requireOnly(KEYS);
        try {
            return new WiseFtConfig(OptimisationSettings.read(settings), settings.number("alpha"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }
}
