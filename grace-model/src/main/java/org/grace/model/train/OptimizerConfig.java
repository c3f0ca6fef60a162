package org.grace.model.train;

import java.util.Objects;

/**
 * Hyperparameters of the optimiser, validated on construction. Fields that the chosen kind does
 * not use must keep the neutral values the factories give ({@code beta1}, {@code beta2},
 * {@code epsilon} for SGD; {@code momentum}, {@code nesterov} for AdamW), so that two configs
 * describing the same optimiser are equal and have the same fingerprint.
 *
 * @param kind AdamW or SGD
 * @param weightDecay λ ≥ 0: decoupled (AdamW) or L2 added to the gradient (SGD), see the classes
 * @param beta1 AdamW first-moment decay in [0,1)
 * @param beta2 AdamW second-moment decay in [0,1)
 * @param epsilon AdamW denominator term, &gt; 0
 * @param momentum SGD momentum μ in [0,1)
 * @param nesterov SGD Nesterov momentum (needs μ &gt; 0)
 */
public record OptimizerConfig(OptimizerKind kind, double weightDecay, double beta1, double beta2, double epsilon,
                              double momentum, boolean nesterov) {

    /** torch.optim.AdamW defaults: betas (0.9, 0.999), eps 1e-8. */
    public static final double ADAM_BETA1 = 0.9;
    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;

    public OptimizerConfig {
        Objects.requireNonNull(kind, "optimizer kind");
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, was " + weightDecay);
        }
        if (kind == OptimizerKind.ADAMW) {
            unitInterval("beta1", beta1);
            unitInterval("beta2", beta2);
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be positive and finite, was " + epsilon);
            }
            if (momentum != 0 || nesterov) {
                throw new IllegalArgumentException("AdamW takes no momentum/nesterov (was " + momentum + ", " + nesterov + ")");
            }
        } else {
            unitInterval("momentum", momentum);
            if (nesterov && momentum == 0) {
                throw new IllegalArgumentException("Nesterov momentum requires momentum > 0");
            }
            if (beta1 != 0 || beta2 != 0 || epsilon != 0) {
                throw new IllegalArgumentException("SGD takes no beta1/beta2/epsilon (was " + beta1 + ", " + beta2 + ", " + epsilon + ")");
            }
        }
    }

    /** AdamW with PyTorch's default betas and epsilon. */
    public static OptimizerConfig adamW(double weightDecay) {
        return adamW(weightDecay, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON);
    }

    public static OptimizerConfig adamW(double weightDecay, double beta1, double beta2, double epsilon) {
        return new OptimizerConfig(OptimizerKind.ADAMW, weightDecay, beta1, beta2, epsilon, 0, false);
    }

    public static OptimizerConfig sgd(double momentum, boolean nesterov, double weightDecay) {
        return new OptimizerConfig(OptimizerKind.SGD, weightDecay, 0, 0, 0, momentum, nesterov);
    }

    private static void unitInterval(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), was " + value);
        }
    }
}
