package org.grace.attacks.apgd;

import org.grace.attacks.InputValidation;
import org.grace.attacks.Norm;
import org.grace.attacks.loss.AttackLoss;

/**
 * Settings of {@link Apgd} and {@link ApgdTargeted}.
 *
 * @param norm            ℓ∞, ℓ2 or ℓ1
 * @param eps             radius ε ≥ 0
 * @param iterations      N ≥ 1 (auto-attack: 100)
 * @param restarts        ≥ 1 (AutoAttack standard: 1; plus/custom: 5)
 * @param rho             oscillation threshold ρ (auto-attack {@code thr_decr} = 0.75)
 * @param eotIterations   gradient passes averaged per iterate (auto-attack {@code eot_iter}; 20 in
 *                        version 'rand')
 * @param loss            the loss; untargeted for {@link Apgd}, targeted for {@link ApgdTargeted}
 * @param targetClasses   number of target classes for APGD-T (auto-attack: 9)
 * @param highestLoss     return the highest-loss point over restarts for every sample (auto-attack
 *                        {@code perturb(best_loss=True)}) instead of adversarial examples
 * @param seed            seed of the per-sample random streams
 */
public record ApgdConfig(Norm norm, double eps, int iterations, int restarts, double rho,
                         int eotIterations, AttackLoss loss, int targetClasses, boolean highestLoss,
                         long seed) {

    public ApgdConfig {
        if (norm == null) {
            throw new IllegalArgumentException("APGD norm is null; expected Linf, L2 or L1");
        }
        InputValidation.requireRadius("APGD eps", eps);
        InputValidation.requireAtLeast("APGD iterations", iterations, 1);
        InputValidation.requireAtLeast("APGD restarts", restarts, 1);
        InputValidation.requireAtLeast("APGD eotIterations", eotIterations, 1);
        InputValidation.requireAtLeast("APGD targetClasses", targetClasses, 1);
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("APGD rho must be in (0,1); got " + rho);
        }
        if (loss == null) {
            throw new IllegalArgumentException("APGD loss is null");
        }
    }

    /** auto-attack defaults: 100 iterations, ρ = 0.75, one EOT pass, 9 target classes. */
    public static ApgdConfig of(Norm norm, double eps, AttackLoss loss, int restarts, long seed) {
        return new ApgdConfig(norm, eps, 100, restarts, 0.75, 1, loss, 9, false, seed);
    }

    public ApgdConfig withIterations(int n) {
        return new ApgdConfig(norm, eps, n, restarts, rho, eotIterations, loss, targetClasses, highestLoss, seed);
    }

    public ApgdConfig withEps(double e) {
        return new ApgdConfig(norm, e, iterations, restarts, rho, eotIterations, loss, targetClasses, highestLoss, seed);
    }

    public ApgdConfig withRestarts(int r) {
        return new ApgdConfig(norm, eps, iterations, r, rho, eotIterations, loss, targetClasses, highestLoss, seed);
    }

    public ApgdConfig withEotIterations(int e) {
        return new ApgdConfig(norm, eps, iterations, restarts, rho, e, loss, targetClasses, highestLoss, seed);
    }

    public ApgdConfig withTargetClasses(int t) {
        return new ApgdConfig(norm, eps, iterations, restarts, rho, eotIterations, loss, t, highestLoss, seed);
    }

    public ApgdConfig withHighestLoss(boolean h) {
        return new ApgdConfig(norm, eps, iterations, restarts, rho, eotIterations, loss, targetClasses, h, seed);
    }

    /** Initial step size factor α: η⁰ = α·ε with α = 2 (ℓ∞, ℓ2) or 1 (ℓ1). */
    public double alpha() {
        return norm == Norm.L1 ? 1.0 : 2.0;
    }
}
