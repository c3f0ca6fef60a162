package org.grace.attacks.pgd;

import org.grace.attacks.InputValidation;
import org.grace.attacks.Norm;

/**
 * Settings of {@link TrainingPgd}.
 *
 * @param norm     ℓ∞ or ℓ2
 * @param eps      radius ε ≥ 0
 * @param stepSize α &gt; 0
 * @param steps    K ≥ 1
 * @param momentum μ ∈ [0,1) (FARE: 0.9 sign momentum; TeCoA: 0)
 * @param seed     seed of the per-sample random streams
 */
public record TrainingPgdConfig(Norm norm, double eps, double stepSize, int steps, double momentum,
                                long seed) {

    public TrainingPgdConfig {
        if (norm == null || norm == Norm.L1) {
            throw new IllegalArgumentException("training PGD supports norms Linf and L2; got "
                    + (norm == null ? "null" : norm.label()));
        }
        InputValidation.requireRadius("training PGD eps", eps);
        InputValidation.requirePositive("training PGD stepSize", stepSize);
        InputValidation.requireAtLeast("training PGD steps", steps, 1);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("training PGD momentum must be in [0,1); got " + momentum);
        }
    }

    /** The paper's training attack (FARE/TeCoA README): ℓ∞, ε = 4/255, 10 steps of 1/255. */
    public static TrainingPgdConfig paperDefault(double momentum, long seed) {
        return new TrainingPgdConfig(Norm.LINF, 4.0 / 255, 1.0 / 255, 10, momentum, seed);
    }
}
