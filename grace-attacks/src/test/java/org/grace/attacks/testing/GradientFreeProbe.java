package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.Classifier;

/**
 * Wraps a classifier, fails if it is ever called on an input that requires a gradient, and counts
 * the forward passes each sample position takes part in.
 */
public final class GradientFreeProbe implements Classifier {

    private final Classifier inner;
    private long imagesSeen;
    private int calls;

    public GradientFreeProbe(Classifier inner) {
        this.inner = inner;
    }

    @Override
    public NDArray logits(NDArray images) {
        if (images.hasGradient()) {
            throw new AssertionError("a gradient-free attack asked for input gradients");
        }
        calls++;
        imagesSeen += images.getShape().get(0);
        return inner.logits(images);
    }

    @Override
    public int numClasses() {
        return inner.numClasses();
    }

    /** Total images passed forward. */
    public long imagesSeen() {
        return imagesSeen;
    }

    public int calls() {
        return calls;
    }
}
