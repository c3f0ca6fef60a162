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
 * @param target which tensors SPD projects (key {@code spd_target}: {@code effective} or {@code factors})
 */
public record LoraSpdConfig(OptimisationSettings optimisation, LoraSettings lora, SelectiveProjectionDecay decay,
                            Target target) {

    /** The SPD tensors of an adapted layer. */
    public enum Target {
        /** The effective update ΔW = (α/r)·B·A, anchored at 0 (the default, and the task's choice). */
        EFFECTIVE,
        /** A and B separately, each anchored at 0: what the reference code does with {@code pre=None}. */
        FACTORS;

        /** Parses {@code effective} or {@code factors}, naming the value otherwise. */
        public static Target parse(String value) {
            for (Target t : values()) {
                if (t.name().equalsIgnoreCase(value.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("spd_target must be 'effective' or 'factors', was '" + value + "'");
        }
    }

    /** Keys of this config. */
    public static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(Set.of("lr", "warmup_fraction", "max_grad_norm", "spd_lambda", "spd_target"));
        keys.addAll(LoraSettings.KEYS);
        KEYS = Set.copyOf(keys);
    }

    public LoraSpdConfig {
        Objects.requireNonNull(optimisation, "optimisation");
        Objects.requireNonNull(lora, "lora");
        Objects.requireNonNull(decay, "decay");
        Objects.requireNonNull(target, "target");
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
                    new SelectiveProjectionDecay(settings.number("spd_lambda")),
                    Target.parse(settings.text("spd_target")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }
}
