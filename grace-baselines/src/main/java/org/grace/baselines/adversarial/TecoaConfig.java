package org.grace.baselines.adversarial;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Set;

/**
 * Hyperparameters of {@link Tecoa} (defaults in {@code methods/tecoa.json}).
 *
 * @param attack the training PGD
 * @param optimisation AdamW and its schedule
 */
public record TecoaConfig(AttackSettings attack, OptimisationSettings optimisation) {

    /** Validates that nothing is missing (each part validates its own fields). */
    public TecoaConfig {
        if (attack == null || optimisation == null) {
            throw new IllegalArgumentException("tecoa needs attack and optimisation settings");
        }
    }

    /** Parses the settings, rejecting unknown keys. */
    public static TecoaConfig from(MethodSettings settings) {
        Set<String> keys = new HashSet<>(AttackSettings.KEYS);
        keys.addAll(OptimisationSettings.KEYS);
        settings.requireOnly(keys);
        return new TecoaConfig(AttackSettings.from(settings), OptimisationSettings.read(settings));
    }
}
