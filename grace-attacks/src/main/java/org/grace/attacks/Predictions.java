package org.grace.attacks;

import ai.djl.ndarray.NDArray;

/** Arg-max class predictions and correctness flags, read back into Java. */
public final class Predictions {

    private Predictions() {}

    /** argmax over classes of logits [N, K]; ties go to the lowest index. */
    public static int[] argmax(NDArray logits) {
        long[] idx = logits.argMax(1).toLongArray();
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = (int) idx[i];
        }
        return out;
    }

    /** {@code argmax(logits)_i == labels_i}. */
    public static boolean[] correct(NDArray logits, int[] labels) {
        int[] pred = argmax(logits);
        boolean[] out = new boolean[pred.length];
        for (int i = 0; i < pred.length; i++) {
            out[i] = pred[i] == labels[i];
        }
        return out;
    }

    /** Forward pass without gradient: which of {@code images} the model classifies correctly. */
    public static boolean[] correct(Classifier model, NDArray images, int[] labels) {
        NDArray logits = model.logits(images);
        boolean[] out = correct(logits, labels);
        logits.close();
        return out;
    }
}
