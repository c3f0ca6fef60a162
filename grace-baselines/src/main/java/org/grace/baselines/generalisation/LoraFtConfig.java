package org.grace.baselines.generalisation;

import org.grace.baselines.common.LoraSettings;
import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of LoRA finetuning.
 *
 * @param optimisation AdamW, warmup-cosine and clipping settings
 * @param lora rank, alpha and adapted projections of the vision tower
 */
public record LoraFtConfig(OptimisationSettings optimisation, LoraSettings lora) {

    /** Keys of this config. */
    public static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(OptimisationSettings.KEYS);
        keys.addAll(LoraSettings.KEYS);
        KEYS = Set.copyOf(keys);
    }

    public LoraFtConfig {
        Objects.requireNonNull(optimisation, "optimisation");
        Objects.requireNonNull(lora, "lora");
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static LoraFtConfig from(MethodSettings settings) {
        settings.requireOnly(KEYS);
        return new LoraFtConfig(OptimisationSettings.read(settings), LoraSettings.read(settings));
    }
}
