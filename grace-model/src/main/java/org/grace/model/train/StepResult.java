package org.grace.model.train;

import ai.djl.ndarray.NDArray;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one training step computed: the scalar loss to minimise (recorded inside the step's
 * gradient collector) and what the metrics need.
 *
 * @param loss scalar loss (one element), in the step's manager
 * @param batchSize number of images in the batch (≥ 1), for images/s
 * @param accuracy training accuracy on the batch in [0,1], if the method measures one
 */
public record StepResult(NDArray loss, int batchSize, OptionalDouble accuracy) {

    public StepResult {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(accuracy, "accuracy (use OptionalDouble.empty())");
        if (loss.getShape().size() != 1) {
            throw new IllegalArgumentException("the loss must be a scalar, got shape " + loss.getShape());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (accuracy.isPresent() && !(accuracy.getAsDouble() >= 0 && accuracy.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], was " + accuracy.getAsDouble());
        }
    }

    public static StepResult of(NDArray loss, int batchSize) {
        return new StepResult(loss, batchSize, OptionalDouble.empty());
    }

    public static StepResult of(NDArray loss, int batchSize, double accuracy) {
        return new StepResult(loss, batchSize, OptionalDouble.of(accuracy));
    }
}
