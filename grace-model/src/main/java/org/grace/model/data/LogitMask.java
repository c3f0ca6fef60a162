package org.grace.model.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Restricts full-label-space logits to a subset dataset's classes, as WiSE-FT evaluates
 * ImageNet-R and -A: {@code logits[:, subset]} ({@code [B, K]} to {@code [B, |subset|]}), after
 * which the argmax indexes the subset, like the dataset's labels. Datasets without a subset pass
 * through unchanged.
 */
public final class LogitMask {

    private LogitMask() {
    }

    /** {@code logits[:, subset]} for subset datasets, {@code logits} itself otherwise. */
    public static NDArray apply(NDArray logits, ImageDataset dataset) {
        return dataset.classSubset().map(subset -> apply(logits, subset)).orElse(logits);
    }

    /**
     * {@code logits[:, subset]}, created in the logits' manager.
     *
     * @throws IllegalArgumentException if logits are not 2-D or an index is outside the columns
     */
    public static NDArray apply(NDArray logits, int[] subset) {
        if (logits.getShape().dimension() != 2) {
            throw new IllegalArgumentException("logits must be [batch, classes], got " + logits.getShape());
        }
        long classes = logits.getShape().get(1);
        for (int index : subset) {
            if (index < 0 || index >= classes) {
                throw new IllegalArgumentException("class subset index " + index + " outside the " + classes
                        + " logit columns");
            }
        }
        try (NDArray columns = logits.getManager().create(subset)) {
            return logits.get(new NDIndex(":, {}", columns));
        }
    }
}
