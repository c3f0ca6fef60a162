package org.grace.attacks.fab;

import org.grace.attacks.InputValidation;
import org.grace.attacks.Norm;

/**
 * Settings of {@link Fab}.
 *
 * @param norm          ℓ∞, ℓ2 or ℓ1
 * @param eps           radius ε ≥ 0 (a result counts only if ||x_adv - x||_p ≤ ε)
 * @param iterations    per run (auto-attack: 100)
 * @param restarts      ≥ 1; restart 0 starts at x, later ones at a random point at distance ε/2
 * @param targeted      FAB-T (one hyperplane per target class) instead of untargeted FAB
 * @param targetClasses targets tried by FAB-T (auto-attack: 9)
 * @param alphaMax      cap on the bias towards the original point (0.1)
 * @param eta           overshoot factor of the projection step (1.05)
 * @param beta          backward step towards x after success (0.9)
 * @param seed          seed of the per-sample random streams
 */
public record FabConfig(Norm norm, double eps, int iterations, int restarts, boolean targeted,
                        int targetClasses, double alphaMax, double eta, double beta, long seed) {

    public FabConfig {
        if (norm == null) {
            throw new IllegalArgumentException("FAB norm is null; expected Linf, L2 or L1");
        }
        InputValidation.requireRadius("FAB eps", eps);
        InputValidation.requireAtLeast("FAB iterations", iterations, 1);
        InputValidation.requireAtLeast("FAB restarts", restarts, 1);
        InputValidation.requireAtLeast("FAB targetClasses", targetClasses, 1);
        if (!(alphaMax >= 0 && alphaMax <= 1)) {
            throw new IllegalArgumentException("FAB alphaMax must be in [0,1]; got " + alphaMax);
        }
        InputValidation.requirePositive("FAB eta", eta);
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("FAB beta must be in (0,1]; got " + beta);
        }
    }

    /** auto-attack's FAB: 100 iterations, α_max 0.1, η 1.05, β 0.9, 9 targets. */
    public static FabConfig of(Norm norm, double eps, boolean targeted, int restarts, long seed) {
        return new FabConfig(norm, eps, 100, restarts, targeted, 9, 0.1, 1.05, 0.9, seed);
    }

    public FabConfig withIterations(int n) {
        return new FabConfig(norm, eps, n, restarts, targeted, targetClasses, alphaMax, eta, beta, seed);
    }

    public FabConfig withTargetClasses(int t) {
        return new FabConfig(norm, eps, iterations, restarts, targeted, t, alphaMax, eta, beta, seed);
    }
}
