package org.grace.attacks.pgd;

import org.grace.attacks.InputValidation;
import org.grace.attacks.Norm;
import org.grace.attacks.loss.AttackLoss;
import org.grace.attacks.loss.CrossEntropyLoss;

/**
 * Settings of {@link Pgd}.
 *
 * @param norm        ℓ∞ or ℓ2
 * @param eps         radius ε ≥ 0
 * @param stepSize    α &gt; 0 (ℓ∞: per-coordinate step; ℓ2: step length)
 * @param steps       number of gradient steps K ≥ 0
 * @param restarts    number of random restarts ≥ 1 (restart r attacks only points not yet fooled)
 * @param randomStart start from a random point of the ball (else from x)
 * @param momentum    μ ∈ [0,1): 0 is plain PGD; μ &gt; 0 is the sign-momentum variant FARE trains
 *                    with, {@code v ← μ v + sign(g)}, step along {@code sign(v)} (ℓ2: unit vectors)
 * @param loss        loss to maximise
 * @param seed        seed of the per-sample random streams
 */
public record PgdConfig(Norm norm, double eps, double stepSize, int steps, int restarts,
                        boolean randomStart, double momentum, AttackLoss loss, long seed) {

    public PgdConfig {
        if (norm == null || norm == Norm.L1) {
            throw new IllegalArgumentException("PGD supports norms Linf and L2; got "
                    + (norm == null ? "null" : norm.label()));
        }
        InputValidation.requireRadius("PGD eps", eps);
        InputValidation.requirePositive("PGD stepSize", stepSize);
        InputValidation.requireAtLeast("PGD steps", steps, 0);
        InputValidation.requireAtLeast("PGD restarts", restarts, 1);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("PGD momentum must be in [0,1); got " + momentum);
        }
        if (loss == null) {
            throw new IllegalArgumentException("PGD loss is null");
        }
    }

    /** Madry et al. PGD: random start, K steps of α, cross-entropy, one restart, no momentum. */
    public static PgdConfig madry(Norm norm, double eps, double stepSize, int steps, long seed) {
        return new PgdConfig(norm, eps, stepSize, steps, 1, true, 0, new CrossEntropyLoss(), seed);
    }

    /** A copy with another radius. */
    public PgdConfig withEps(double newEps) {
        return new PgdConfig(norm, newEps, stepSize, steps, restarts, randomStart, momentum, loss, seed);
    }

    /** A copy with step size ε/4 for radius {@code radius} (ε = 0 keeps the current step). */
    public PgdConfig withStepSizeFor(double radius) {
        double step = radius > 0 ? radius / 4 : stepSize;
        return new PgdConfig(norm, eps, step, steps, restarts, randomStart, momentum, loss, seed);
    }

    /** A copy with another number of steps. */
    public PgdConfig withSteps(int newSteps) {
        return new PgdConfig(norm, eps, stepSize, newSteps, restarts, randomStart, momentum, loss, seed);
    }

    /** A copy with another number of restarts. */
    public PgdConfig withRestarts(int newRestarts) {
        return new PgdConfig(norm, eps, stepSize, steps, newRestarts, randomStart, momentum, loss, seed);
    }
}
