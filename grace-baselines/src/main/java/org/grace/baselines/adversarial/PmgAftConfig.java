package org.grace.baselines.adversarial;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Set;

/**
 * Hyperparameters of {@link PmgAft} (defaults in {@code methods/pmg-aft.json}).
 *
 * @param attack the training PGD
 * @param optimisation AdamW and its schedule
 * @param alpha weight α ≥ 0 of KL(p_θ₀(x_adv) ‖ p_θ(x_adv)) (settings key {@code alpha}; paper 1)
 * @param beta weight β ≥ 0 of KL(p_θ(x) ‖ p_θ(x_adv)) (settings key {@code beta}; paper 1)
 */
public record PmgAftConfig(AttackSettings attack, OptimisationSettings optimisation, double alpha, double beta) {

    static final Set<String> WEIGHT_KEYS = Set.of("alpha", "beta");

    /** Validates the weights (each part validates its own fields). */
    public PmgAftConfig {
        if (attack == null || optimisation == null) {
            throw new IllegalArgumentException("pmg-aft needs attack and optimisation settings");
        }
        requireWeight("alpha", alpha);
        requireWeight("beta", beta);
    }

    /** Parses the settings, rejecting unknown keys. */
    public static PmgAftConfig from(MethodSettings settings) {
        Set<String> keys = new HashSet<>(AttackSettings.KEYS);
        keys.addAll(OptimisationSettings.KEYS);
        keys.addAll(WEIGHT_KEYS);
        settings.requireOnly(keys);
        return new PmgAftConfig(AttackSettings.from(settings), OptimisationSettings.read(settings),
                settings.number("alpha"), settings.number("beta"));
    }

    static void requireWeight(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("PMG-AFT weight " + key + " must be finite and >= 0, was " + value);
        }
    }
}
