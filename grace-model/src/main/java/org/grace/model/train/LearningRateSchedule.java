package org.grace.model.train;

/**
 * The learning rate of each update, indexed from 0 (update {@code t} is training step {@code t+1}).
 * Schedules are pure functions of the index, so a resumed run uses exactly the rates of an
 * uninterrupted one.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** Learning rate for the update with 0-based index {@code update}. */
    double learningRate(int update);

    /** The schedule a training config asks for. */
    static LearningRateSchedule of(TrainingConfig config) {
        return switch (config.schedule()) {
            case CONSTANT -> new ConstantSchedule(config.learningRate(), config.warmupSteps());
            case WARMUP_COSINE -> new WarmupCosineSchedule(config.learningRate(), config.minLearningRate(),
                    config.warmupSteps(), config.steps());
        };
    }

    /** Linear warmup from γ/W to γ over the first W updates, as open_clip's {@code _warmup_lr}. */
    static double warmup(double base, int warmupSteps, int update) {
        return base * (update + 1) / warmupSteps;
    }
}
