package org.grace.baselines.adversarial;

import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.OptimizerConfig;
import org.grace.model.train.ScheduleKind;
import org.grace.model.train.TrainingConfig;

import java.nio.file.Path;
import java.util.Set;

/**
 * AdamW with linear warmup and cosine decay to 0, as FARE's training script (and its TeCoA
 * re-implementation) runs. Settings keys: {@code learning_rate}, {@code weight_decay},
 * {@code warmup_fraction}, {@code max_grad_norm}.
 *
 * @param learningRate peak rate, positive and finite
 * @param weightDecay decoupled decay ≥ 0
 * @param warmupFraction warmup length as a fraction of the run's steps, in [0,1)
 * @param maxGradNorm global gradient-norm bound, or 0 for none
 */
public record OptimisationSettings(double learningRate, double weightDecay, double warmupFraction,
                                   double maxGradNorm) {

    static final Set<String> KEYS = Set.of("learning_rate", "weight_decay", "warmup_fraction", "max_grad_norm");

    /** Validates every field, naming the settings key at fault. */
    public OptimisationSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning_rate must be positive and finite, was " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight_decay must be finite and >= 0, was " + weightDecay);
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warmup_fraction must be in [0,1), was " + warmupFraction);
        }
        if (!(maxGradNorm >= 0) || Double.isInfinite(maxGradNorm)) {
            throw new IllegalArgumentException("max_grad_norm must be finite and >= 0 (0: no clipping), was "
                    + maxGradNorm);
        }
    }

    static OptimisationSettings from(MethodSettings s) {
        return new OptimisationSettings(s.number("learning_rate"), s.number("weight_decay"),
                s.number("warmup_fraction"), s.number("max_grad_norm"));
    }

    /** The loop's configuration for the context's budget, seeded by the run's seed. */
    TrainingConfig training(MethodContext context, Path outputFolder) {
        int warmup = Math.min(context.steps() - 1, (int) Math.round(warmupFraction * context.steps()));
        return TrainingConfig.builder(context.steps(), learningRate, outputFolder)
                .schedule(ScheduleKind.WARMUP_COSINE)
                .warmupSteps(warmup)
                .optimizer(OptimizerConfig.adamW(weightDecay))
                .maxGradNorm(maxGradNorm)
                .seed(context.seed())
                .build();
    }
}
