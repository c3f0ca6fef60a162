package org.grace.model.train;

/** Which {@link LearningRateSchedule} a {@link TrainingConfig} uses. */
public enum ScheduleKind {
    /** {@link ConstantSchedule}: linear warmup, then constant. */
    CONSTANT,
    /** {@link WarmupCosineSchedule}: linear warmup, then cosine decay to the minimum rate. */
    WARMUP_COSINE
}
