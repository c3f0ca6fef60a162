package org.grace.model.train;

/**
 * A constant learning rate after an optional linear warmup (open_clip {@code const_lr}):
 * <pre>
 *   γ_t = γ · (t + 1) / W     for t &lt; W
 *   γ_t = γ                   otherwise
 * </pre>
 *
 * @param baseRate γ &gt; 0
 * @param warmupSteps W ≥ 0
 */
public record ConstantSchedule(double baseRate, int warmupSteps) implements LearningRateSchedule {

    public ConstantSchedule {
        WarmupCosineSchedule.checkRate("baseRate", baseRate);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, was " + warmupSteps);
        }
    }

    @Override
    public double learningRate(int update) {
        if (update < 0) {
            throw new IllegalArgumentException("update index must be >= 0, was " + update);
        }
        return update < warmupSteps ? LearningRateSchedule.warmup(baseRate, warmupSteps, update) : baseRate;
    }
}
