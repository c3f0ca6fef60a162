package org.grace.baselines.common;

import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.method.MethodSettings;

import java.util.EnumSet;
import java.util.Set;

/**
 * LoRA placement for the LoRA baselines (Hu et al., ICLR 2022; {@code microsoft/LoRA}
 * {@code loralib/layers.py}): rank r and alpha on the listed projections of every block of the
 * vision tower, {@code ΔW = (alpha/r)·B·A}, A Kaiming-uniform, B zero. Keys: {@code lora_rank},
 * {@code lora_alpha}, {@code lora_targets} (comma-separated, e.g. {@code "q,v"}, see
 * {@link AdapterTarget#parse}).
 *
 * @param rank r ≥ 1
 * @param alpha alpha &gt; 0 (scaling alpha/r)
 * @param targets the adapted projections, not empty
 */
public record LoraSettings(int rank, float alpha, Set<AdapterTarget> targets) {

    /** The settings keys this record reads. */
    public static final Set<String> KEYS = Set.of("lora_rank", "lora_alpha", "lora_targets");

    /** Validates rank, alpha and targets. */
    public LoraSettings {
        if (rank < 1) {
            throw new IllegalArgumentException("lora_rank must be at least 1, was " + rank);
        }
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            throw new IllegalArgumentException("lora_alpha must be positive and finite, was " + alpha);
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("lora_targets must name at least one projection");
        }
        targets = Set.copyOf(EnumSet.copyOf(targets));
    }

    /** Reads the three keys. */
    public static LoraSettings read(MethodSettings settings) {
        try {
            Set<AdapterTarget> targets = EnumSet.noneOf(AdapterTarget.class);
            for (String t : settings.text("lora_targets").split(",")) {
                if (!t.isBlank()) {
                    targets.add(AdapterTarget.parse(t));
                }
            }
            return new LoraSettings(settings.integer("lora_rank"), (float) settings.number("lora_alpha"), targets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }

    /** The model-level LoRA configuration: these targets in the vision tower only. */
    public LoraConfig toLoraConfig() {
        return LoraConfig.uniform(Set.of(Tower.VISION), targets, rank, alpha);
    }
}
