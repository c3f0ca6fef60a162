package org.grace.model.train;

import java.nio.file.Path;

/**
 * Training stopped because a step's loss (checked before backward) or gradient norm (checked
 * before the update) was NaN or infinite. No update was applied at that step, so the weights are
 * those after step {@code step − 1}, and no checkpoint was written for it.
 */
public final class NonFiniteLossException extends RuntimeException {

    private final int step;
    private final double value;
    private final Path lastCheckpoint;

    /**
     * @param quantity what was not finite ("loss" or "gradient norm")
     * @param detail more about the cause (e.g. which gradients are not finite), or null
     * @param lastCheckpoint the newest checkpoint on disk, or null if none was written yet
     * @param lastCheckpointStep its step (ignored when there is none)
     */
    public NonFiniteLossException(int step, String quantity, double value, String detail, Path lastCheckpoint,
                                  int lastCheckpointStep) {
        super(quantity + " is " + value + " at step " + step + (detail == null ? "" : " (" + detail + ")")
                + "; training stopped before updating, so the weights"
                + " are those after step " + (step - 1) + "; last good checkpoint: "
                + (lastCheckpoint == null ? "none written yet" : lastCheckpoint + " (step " + lastCheckpointStep + ")"));
        this.step = step;
        this.value = value;
        this.lastCheckpoint = lastCheckpoint;
    }

    /** The step whose loss or gradient was not finite. */
    public int step() {
        return step;
    }

    public double value() {
        return value;
    }

    /** The newest checkpoint, or null if none was written. */
    public Path lastCheckpoint() {
        return lastCheckpoint;
    }
}
