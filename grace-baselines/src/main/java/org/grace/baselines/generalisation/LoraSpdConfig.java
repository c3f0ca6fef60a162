package org.grace.baselines.generalisation;

import org.grace.baselines.common.LoraSettings;
import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of LoRA-SPD: Adam without decoupled decay (λ replaces it), LoRA placement and λ.
 *
 * @param optimisation the loop's settings; its weight decay is always 0
 * @param lora rank, alpha and adapted projections of the vision tower
 * @param decay the selective projection rule with λ (key {@code spd_lambda})
 */
public record LoraSpdConfig(OptimisationSettings optimisation, LoraSettings lora, SelectiveProjectionDecay decay) {

    /** Keys of this config. */
    public static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(Set.of("lr", "warmup_fraction", "max_grad_norm", "spd_lambda"));
        keys.addAll(LoraSettings.KEYS);
        KEYS = Set.copyOf(keys);
    }

    public LoraSpdConfig {
        Objects.requireNonNull(optimisation, "optimisation");
        Objects.requireNonNull(lora, "lora");
        Objects.requireNonNull(decay, "decay");
        if (optimisation.weightDecay() != 0) {
            throw new IllegalArgumentException("LoRA-SPD replaces AdamW's weight decay by spd_lambda; the loop's "
                    + "weight decay must be 0, was " + optimisation.weightDecay());
        }
    }

    /** Reads and validates the settings, rejecting unknown keys. */
    public static LoraSpdConfig from(MethodSettings settings) {
        settings.requireOnly(KEYS);
        try {
            return new LoraSpdConfig(new OptimisationSettings(settings.number("lr"), 0,
                    settings.number("warmup_fraction"), settings.number("max_grad_norm")), LoraSettings.read(settings),
                    new SelectiveProjectionDecay(settings.number("spd_lambda")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }
}
