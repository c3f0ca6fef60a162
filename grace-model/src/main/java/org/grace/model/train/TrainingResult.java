package org.grace.model.train;

/**
 * How a call to {@link TrainingLoop} ended.
 *
 * @param firstStep the first step this call ran (1, or the resumed checkpoint's step + 1)
 * @param lastStep the last completed step (= the config's steps)
 * @param checkpoint the final checkpoint
 * @param last metrics of the last step this call ran, or null if it ran none (resumed at the end)
 */
public record TrainingResult(int firstStep, int lastStep, Checkpoint checkpoint, StepMetrics last) {
}
