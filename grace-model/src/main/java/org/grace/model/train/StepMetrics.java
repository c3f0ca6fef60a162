package org.grace.model.train;

/**
 * One row of {@code metrics.csv}.
 *
 * @param step 1-based step
 * @param loss the step's loss (before the update)
 * @param accuracy batch accuracy, or NaN when the step function gives none (an empty CSV cell)
 * @param learningRate the rate used for the update
 * @param gradNorm global L2 norm of the gradients before clipping
 * @param imagesPerSecond batch size / wall time of the step
 * @param wallSeconds seconds since the run started, summed over interrupted segments
 */
public record StepMetrics(int step, double loss, double accuracy, double learningRate, double gradNorm,
                          double imagesPerSecond, double wallSeconds) {
}
