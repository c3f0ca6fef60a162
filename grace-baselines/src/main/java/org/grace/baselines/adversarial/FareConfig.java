package org.grace.baselines.adversarial;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Set;

/**
 * Hyperparameters of {@link Fare} (defaults in {@code methods/fare.json}).
 *
 * @param attack the training PGD (sign momentum μ = 0.9 by default, as FARE's {@code pgd_train.py})
 * @param optimisation AdamW and its schedule
 */
public record FareConfig(AttackSettings attack, OptimisationSettings optimisation) {

    /** Validates that nothing is missing (each part validates its own fields). */
    public FareConfig {
        if (attack == null || optimisation == null) {
            throw new IllegalArgumentException("fare needs attack and optimisation settings");
        }
    }

    /** Parses the settings, rejecting unknown keys. */
    public static FareConfig from(MethodSettings settings) {
        Set<String> keys = new HashSet<>(AttackSettings.KEYS);
        keys.addAll(OptimisationSettings.KEYS);
        settings.requireOnly(keys);
        return new FareConfig(AttackSettings.from(settings), OptimisationSettings.read(settings));
    }
}
