package org.grace.baselines.adversarial;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.method.MethodSettings;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Hyperparameters of {@link LoraTecoa} (defaults in {@code methods/lora-tecoa.json}).
 *
 * @param attack the training PGD
 * @param optimisation AdamW and its schedule
 * @param rank LoRA rank r ≥ 1 (key {@code lora_rank}, default 8)
 * @param alpha LoRA alpha &gt; 0, scaling alpha/r (key {@code lora_alpha}, default 16 = 2r)
 * @param targets adapted layers of every vision block (key {@code lora_targets}, comma-separated,
 *     default {@code q,v} as LoRA's reference)
 */
public record LoraTecoaConfig(AttackSettings attack, OptimisationSettings optimisation, int rank, float alpha,
                              Set<AdapterTarget> targets) {

    static final Set<String> LORA_KEYS = Set.of("lora_rank", "lora_alpha", "lora_targets");

    /** Validates rank, alpha and targets. */
    public LoraTecoaConfig {
        if (attack == null || optimisation == null) {
            throw new IllegalArgumentException("lora-tecoa needs attack and optimisation settings");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("lora-tecoa lora_rank must be at least 1, was " + rank);
        }
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            throw new IllegalArgumentException("lora-tecoa lora_alpha must be positive and finite, was " + alpha);
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("lora-tecoa lora_targets must name at least one layer");
        }
        targets = Set.copyOf(EnumSet.copyOf(targets));
    }

    /** Parses the settings, rejecting unknown keys. */
    public static LoraTecoaConfig from(MethodSettings settings) {
        Set<String> keys = new HashSet<>(AttackSettings.KEYS);
        keys.addAll(OptimisationSettings.KEYS);
        keys.addAll(LORA_KEYS);
        settings.requireOnly(keys);
        Set<AdapterTarget> targets = EnumSet.noneOf(AdapterTarget.class);
        for (String t : settings.text("lora_targets").split(",")) {
            if (!t.isBlank()) {
                targets.add(AdapterTarget.parse(t));
            }
        }
        return new LoraTecoaConfig(AttackSettings.from(settings), OptimisationSettings.read(settings),
                settings.integer("lora_rank"), (float) settings.number("lora_alpha"), targets);
    }

    /** LoRA on the vision tower only. */
    LoraConfig lora() {
        return LoraConfig.uniform(Set.of(Tower.VISION), targets, rank, alpha);
    }
}
