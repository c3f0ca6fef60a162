package org.grace.baselines.adversarial;

import org.grace.attacks.Norm;
import org.grace.attacks.pgd.TrainingPgdConfig;
import org.grace.model.method.MethodSettings;

import java.util.Set;

/**
 * The ℓ∞ training attack of an adversarial finetuning method: PGD from δ⁰ ~ U(−ε, ε) with K steps
 * of size α, optionally with FARE's sign momentum μ ({@link org.grace.attacks.pgd.TrainingPgd}).
 * Settings keys: {@code eps}, {@code attack_step_size}, {@code attack_steps}, {@code attack_momentum}.
 *
 * @param eps radius ε in pixel units, in [0,1]
 * @param stepSize α in (0,1]
 * @param steps K ≥ 1
 * @param momentum μ in [0,1) (0: plain PGD as TeCoA and PMG-AFT; 0.9: FARE)
 */
public record AttackSettings(double eps, double stepSize, int steps, double momentum) {

    /** The settings keys this record reads. */
    static final Set<String> KEYS = Set.of("eps", "attack_step_size", "attack_steps", "attack_momentum");

    /** Validates every field, naming the settings key at fault. */
    public AttackSettings {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("training attack eps must be in [0,1] (pixel units), was " + eps);
        }
        if (!(stepSize > 0 && stepSize <= 1)) {
            throw new IllegalArgumentException("training attack attack_step_size must be in (0,1], was " + stepSize);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("training attack attack_steps must be at least 1, was " + steps);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("training attack attack_momentum must be in [0,1), was " + momentum);
        }
    }

    static AttackSettings from(MethodSettings s) {
        return new AttackSettings(s.number("eps"), s.number("attack_step_size"), s.integer("attack_steps"),
                s.number("attack_momentum"));
    }

    /** The grace-attacks configuration with per-sample random starts seeded by {@code seed}. */
    TrainingPgdConfig pgd(long seed) {
        return new TrainingPgdConfig(Norm.LINF, eps, stepSize, steps, momentum, seed);
    }
}
