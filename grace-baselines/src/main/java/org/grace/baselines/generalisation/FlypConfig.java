package org.grace.baselines.generalisation;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.Objects;

/**
 * Settings of FLYP: only the shared AdamW settings (FLYP clips no gradients, so the default
 * {@code max_grad_norm} is 0).
 *
 * @param optimisation AdamW, warmup-cosine and clipping settings
 */
public record FlypConfig(OptimisationSettings optimisation) {

    public FlypConfig {
        Objects.requireNonNull(optimisation, "optimisation");
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static FlypConfig from(MethodSettings settings) {
        settings.requireOnly(OptimisationSettings.KEYS);
        return new FlypConfig(OptimisationSettings.read(settings));
    }
}
