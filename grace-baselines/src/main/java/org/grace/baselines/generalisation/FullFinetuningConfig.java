package org.grace.baselines.generalisation;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.Objects;

/**
 * Settings of end-to-end finetuning ({@code ft}): only the shared AdamW settings.
 *
 * @param optimisation AdamW, warmup-cosine and clipping settings
 */
public record FullFinetuningConfig(OptimisationSettings optimisation) {

    public FullFinetuningConfig {
        Objects.requireNonNull(optimisation, "optimisation");
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static FullFinetuningConfig from(MethodSettings settings) {
        settings.requireOnly(OptimisationSettings.KEYS);
        return new FullFinetuningConfig(OptimisationSettings.read(settings));
    }
}
