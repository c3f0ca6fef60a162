package org.grace.model.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything that fixes a training run apart from the model and the step function.
 *
 * @param steps number of optimiser updates T ≥ 1
 * @param learningRate base rate γ &gt; 0
 * @param minLearningRate γ_min in [0, γ] reached by the cosine schedule (ignored by CONSTANT, keep 0)
 * @param warmupSteps linear-warmup length W in [0, T)
 * @param schedule constant or warmup-cosine, see {@link LearningRateSchedule}
 * @param optimizer optimiser and its hyperparameters
 * @param maxGradNorm global gradient-norm bound (&gt; 0), or 0 for no clipping
 * @param checkpointEvery a checkpoint after every this many steps (≥ 1), and always after the last
 * @param keepCheckpoints how many of the newest checkpoints to keep (≥ 1)
 * @param seed seed of every step's random stream ({@link StepContext#random()})
 * @param outputFolder where checkpoints, {@code metrics.csv} and {@code latest.json} go
 */
public record TrainingConfig(int steps, double learningRate, double minLearningRate, int warmupSteps,
                             ScheduleKind schedule, OptimizerConfig optimizer, double maxGradNorm,
                             int checkpointEvery, int keepCheckpoints, long seed, Path outputFolder) {

    /** Validates every field, naming the one at fault. */
    public TrainingConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(outputFolder, "outputFolder");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, was " + learningRate);
        }
        if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
            throw new IllegalArgumentException("minLearningRate must be in [0, learningRate=" + learningRate + "], was "
                    + minLearningRate);
        }
        if (warmupSteps < 0 || warmupSteps >= steps) {
            throw new IllegalArgumentException("warmupSteps must be in [0, steps=" + steps + "), was " + warmupSteps);
        }
        if (!(maxGradNorm >= 0) || Double.isInfinite(maxGradNorm)) {
            throw new IllegalArgumentException("maxGradNorm must be positive and finite, or 0 to disable clipping; was "
                    + maxGradNorm);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, was " + checkpointEvery);
        }
        if (keepCheckpoints < 1) {
            throw new IllegalArgumentException("keepCheckpoints must be >= 1, was " + keepCheckpoints);
        }
    }

    /**
     * A builder with defaults: warmup-cosine to 0 without warmup, AdamW with weight decay 0.1,
     * clipping at norm 1, one checkpoint at the end, keep 1, seed 0.
     */
    public static Builder builder(int steps, double learningRate, Path outputFolder) {
        return new Builder(steps, learningRate, outputFolder);
    }

    /** Whether gradients are clipped. */
    public boolean clips() {
        return maxGradNorm > 0;
    }

    /**
     * The fields that determine the trained weights, with the trained arrays' names and shapes, as
     * one line; {@code outputFolder}, {@code checkpointEvery} and {@code keepCheckpoints} are left
     * out because they do not change the weights, so a resumed run may change them.
     */
    public String describe(TrainableParameters parameters) {
        return "steps=" + steps + " lr=" + learningRate + " minLr=" + minLearningRate + " warmup=" + warmupSteps
                + " schedule=" + schedule + " optimizer=" + optimizer + " maxGradNorm=" + maxGradNorm
                + " seed=" + seed + " trainable=" + parameters.describe();
    }

    /** SHA-256 (hex) of {@link #describe}: equal exactly when a checkpoint can be resumed by this run. */
    public String fingerprint(TrainableParameters parameters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(describe(parameters).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }

    /** Builds a {@link TrainingConfig}; validation happens in the record's constructor. */
    public static final class Builder {
        private final int steps;
        private final double learningRate;
        private final Path outputFolder;
        private double minLearningRate;
        private int warmupSteps;
        private ScheduleKind schedule = ScheduleKind.WARMUP_COSINE;
        private OptimizerConfig optimizer = OptimizerConfig.adamW(0.1);
        private double maxGradNorm = 1.0;
        private int checkpointEvery;
        private int keepCheckpoints = 1;
        private long seed;

        private Builder(int steps, double learningRate, Path outputFolder) {
            this.steps = steps;
            this.learningRate = learningRate;
            this.outputFolder = outputFolder;
            this.checkpointEvery = Math.max(1, steps);
        }

        public Builder minLearningRate(double value) {
            this.minLearningRate = value;
            return this;
        }

        public Builder warmupSteps(int value) {
            this.warmupSteps = value;
            return this;
        }

        public Builder schedule(ScheduleKind value) {
            this.schedule = value;
            return this;
        }

        public Builder optimizer(OptimizerConfig value) {
            this.optimizer = value;
            return this;
        }

        /** 0 disables clipping. */
        public Builder maxGradNorm(double value) {
            this.maxGradNorm = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            this.checkpointEvery = value;
            return this;
        }

        public Builder keepCheckpoints(int value) {
            this.keepCheckpoints = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(steps, learningRate, minLearningRate, warmupSteps, schedule, optimizer,
                    maxGradNorm, checkpointEvery, keepCheckpoints, seed, outputFolder);
        }
    }
}
