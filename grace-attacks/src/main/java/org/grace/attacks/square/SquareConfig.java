package org.grace.attacks.square;

import org.grace.attacks.InputValidation;
import org.grace.attacks.Norm;

/**
 * Settings of {@link SquareAttack}.
 *
 * @param norm     ℓ∞ or ℓ2
 * @param eps      radius ε ≥ 0
 * @param queries  iterations after the initial query (auto-attack: 5000)
 * @param pInit    initial fraction of pixels changed per query (auto-attack: 0.8)
 * @param restarts ≥ 1 (auto-attack: 1)
 * @param seed     seed of the per-sample random streams
 */
public record SquareConfig(Norm norm, double eps, int queries, double pInit, int restarts, long seed) {

    public SquareConfig {
        if (norm == null || norm == Norm.L1) {
            throw new IllegalArgumentException("Square supports norms Linf and L2; got "
                    + (norm == null ? "null" : norm.label()));
        }
        InputValidation.requireRadius("Square eps", eps);
        InputValidation.requireAtLeast("Square queries", queries, 1);
        InputValidation.requireAtLeast("Square restarts", restarts, 1);
        if (!(pInit > 0 && pInit <= 1)) {
            throw new IllegalArgumentException("Square pInit must be in (0,1]; got " + pInit);
        }
    }

    /** auto-attack's Square: 5000 queries, p_init 0.8, one restart. */
    public static SquareConfig autoAttack(Norm norm, double eps, long seed) {
        return new SquareConfig(norm, eps, 5000, 0.8, 1, seed);
    }

    public SquareConfig withQueries(int q) {
        return new SquareConfig(norm, eps, q, pInit, restarts, seed);
    }
}
