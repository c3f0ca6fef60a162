package org.grace.model.data;

/**
 * One batch held in Java arrays before it becomes NDArrays.
 *
 * @param indices dataset indices of the examples, in batch order
 * @param pixels  {@code B*3*H*W} floats, example-major, each example CHW in {@code [0,1]}
 * @param labels  {@code B} labels
 * @param size    side length {@code H = W} of the images
 */
public record HostBatch(int[] indices, float[] pixels, long[] labels, int size) {

    public HostBatch {
        if (labels.length != indices.length) {
            throw new IllegalArgumentException(
                    "labels (" + labels.length + ") and indices (" + indices.length + ") differ in length");
        }
        if (pixels.length != (long) indices.length * 3 * size * size) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " values, expected "
                    + indices.length + "*3*" + size + "*" + size);
        }
    }

    /** Number of examples in the batch. */
    public int batchSize() {
        return indices.length;
    }
}
