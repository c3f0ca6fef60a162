package org.grace.baselines.adversarial;

import org.grace.baselines.common.OptimisationSettings;
import org.grace.model.adapters.VisualPromptConfig;
import org.grace.model.method.MethodSettings;

import java.util.HashSet;
import java.util.Set;

/**
 * Hyperparameters of {@link VptPmgAft} (defaults in {@code methods/vpt-pmg-aft.json}).
 *
 * @param attack the training PGD
 * @param optimisation AdamW and its schedule (for the prompts only)
 * @param alpha PMG-AFT's α ≥ 0 (key {@code alpha})
 * @param beta PMG-AFT's β ≥ 0 (key {@code beta})
 * @param prompts tokens per layer and deep/shallow (keys {@code prompt_tokens}, {@code prompt_deep})
 */
public record VptPmgAftConfig(AttackSettings attack, OptimisationSettings optimisation, double alpha, double beta,
                              VisualPromptConfig prompts) {

    static final Set<String> PROMPT_KEYS = Set.of("prompt_tokens", "prompt_deep");

    /** Validates the weights (the prompt record validates its token count). */
    public VptPmgAftConfig {
        if (attack == null || optimisation == null || prompts == null) {
            throw new IllegalArgumentException("vpt-pmg-aft needs attack, optimisation and prompt settings");
        }
        PmgAftConfig.requireWeight("alpha", alpha);
        PmgAftConfig.requireWeight("beta", beta);
    }

    /** Parses the settings, rejecting unknown keys. */
    public static VptPmgAftConfig from(MethodSettings settings) {
        Set<String> keys = new HashSet<>(AttackSettings.KEYS);
        keys.addAll(OptimisationSettings.KEYS);
        keys.addAll(PmgAftConfig.WEIGHT_KEYS);
        keys.addAll(PROMPT_KEYS);
        settings.requireOnly(keys);
        int tokens = settings.integer("prompt_tokens");
        if (tokens < 1) {
            throw new IllegalArgumentException("vpt-pmg-aft prompt_tokens must be at least 1, was " + tokens);
        }
        return new VptPmgAftConfig(AttackSettings.from(settings), OptimisationSettings.read(settings),
                settings.number("alpha"), settings.number("beta"),
                new VisualPromptConfig(tokens, settings.flag("prompt_deep")));
    }
}
