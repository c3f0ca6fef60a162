package org.grace.model.data;

import ai.djl.ndarray.NDArray;

/**
 * One batch as DJL arrays: images {@code [B,3,H,W]} float32 in {@code [0,1]}, labels {@code [B]}
 * int64, and the dataset indices the rows came from. Closing the batch closes both arrays.
 */
public record Batch(NDArray images, NDArray labels, int[] indices) implements AutoCloseable {

    /** Number of examples in the batch. */
    public int batchSize() {
        return indices.length;
    }

    @Override
    public void close() {
        images.close();
        labels.close();
    }
}
