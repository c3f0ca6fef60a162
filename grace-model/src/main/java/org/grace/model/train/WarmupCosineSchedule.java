package org.grace.model.train;

/**
 * Linear warmup followed by cosine decay, as open_clip's {@code cosine_lr}
 * ({@code open_clip/src/open_clip_train/scheduler.py}) with timm's {@code lr_min} floor
 * ({@code timm.scheduler.CosineLRScheduler}, one cycle, no restarts). For update t = 0 … T−1:
 * <pre>
 *   γ_t = γ · (t + 1) / W                                          for t &lt; W
 *   γ_t = γ_min + ½ (γ − γ_min) (1 + cos(π (t − W) / (T − W)))     otherwise
 * </pre>
 * so the first update after warmup uses γ, the rate approaches γ_min as t → T, and with
 * γ_min = 0 this is exactly open_clip's schedule. Departure from timm: warmup starts at γ/W (as open_clip)
 * rather than at a separate {@code warmup_lr_init}. Cosines use {@link StrictMath} so that
 * every platform gets the same rates.
 *
 * @param baseRate γ &gt; 0
 * @param minRate γ_min in [0, γ]
 * @param warmupSteps W, in [0, T)
 * @param totalSteps T ≥ 1
 */
public record WarmupCosineSchedule(double baseRate, double minRate, int warmupSteps, int totalSteps)
        implements LearningRateSchedule {

    public WarmupCosineSchedule {
        checkRate("baseRate", baseRate);
        if (!(minRate >= 0 && minRate <= baseRate)) {
            throw new IllegalArgumentException("minRate must be in [0, baseRate=" + baseRate + "], was " + minRate);
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, was " + totalSteps);
        }
        if (warmupSteps < 0 || warmupSteps >= totalSteps) {
            throw new IllegalArgumentException("warmupSteps must be in [0, totalSteps=" + totalSteps + "), was " + warmupSteps);
        }
    }

    @Override
    public double learningRate(int update) {
        if (update < 0) {
            throw new IllegalArgumentException("update index must be >= 0, was " + update);
        }
        if (update < warmupSteps) {
            return LearningRateSchedule.warmup(baseRate, warmupSteps, update);
        }
        double progress = (double) (update - warmupSteps) / (totalSteps - warmupSteps);
        return minRate + 0.5 * (baseRate - minRate) * (1 + StrictMath.cos(StrictMath.PI * progress));
    }

    static void checkRate(String field, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(field + " must be positive and finite, was " + rate);
        }
    }
}
