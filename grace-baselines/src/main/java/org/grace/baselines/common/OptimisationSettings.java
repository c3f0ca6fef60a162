package org.grace.baselines.common;

import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.OptimizerConfig;
import org.grace.model.train.ScheduleKind;
import org.grace.model.train.TrainingConfig;

import java.nio.file.Path;
import java.util.Set;

/**
 * The AdamW + warmup-cosine settings every supervised baseline shares (WiSE-FT
 * {@code src/models/finetune.py}: AdamW, cosine schedule stepped per iteration, linear warmup,
 * gradient-norm clipping), read from a method's settings under the keys {@link #KEYS}.
 *
 * <p>Departure: the warmup is a fraction of the run's steps rather than WiSE-FT's fixed 500
 * iterations, because embedded-scale runs are a few hundred steps long; the number of warmup
 * steps is {@code floor(warmupFraction · steps)}.
 *
 * @param learningRate AdamW base rate γ &gt; 0 (key {@code lr})
 * @param weightDecay decoupled weight decay λ ≥ 0 (key {@code weight_decay})
 * @param warmupFraction share of the steps spent in linear warmup, in [0, 1) (key {@code warmup_fraction})
 * @param maxGradNorm global gradient-norm bound, 0 for none (key {@code max_grad_norm})
 */
public record OptimisationSettings(double learningRate, double weightDecay, double warmupFraction,
                                   double maxGradNorm) {

    /** The settings keys this record reads. */
    public static final Set<String> KEYS = Set.of("lr", "weight_decay", "warmup_fraction", "max_grad_norm");

    /** Validates every field, naming the key at fault. */
    public OptimisationSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("lr must be positive and finite, was " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight_decay must be finite and >= 0, was " + weightDecay);
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warmup_fraction must be in [0, 1), was " + warmupFraction);
        }
        if (!(maxGradNorm >= 0) || Double.isInfinite(maxGradNorm)) {
            throw new IllegalArgumentException("max_grad_norm must be finite and >= 0 (0 disables clipping), was "
                    + maxGradNorm);
        }
    }

    /** Reads the four keys (the caller checks for unknown keys with {@link MethodSettings#requireOnly}). */
    public static OptimisationSettings read(MethodSettings settings) {
        try {
            return new OptimisationSettings(settings.number("lr"), settings.number("weight_decay"),
                    settings.number("warmup_fraction"), settings.number("max_grad_norm"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + settings.method() + ": " + e.getMessage(), e);
        }
    }

    /** The loop's configuration for {@code context}'s budget and seed, writing into {@code outputFolder}. */
    public TrainingConfig trainingConfig(MethodContext context, Path outputFolder) {
        int warmup = (int) Math.floor(warmupFraction * context.steps());
        return TrainingConfig.builder(context.steps(), learningRate, outputFolder)
                .schedule(ScheduleKind.WARMUP_COSINE)
                .warmupSteps(Math.min(warmup, context.steps() - 1))
                .optimizer(OptimizerConfig.adamW(weightDecay))
                .maxGradNorm(maxGradNorm)
                .seed(context.seed())
                .build();
    }
}
