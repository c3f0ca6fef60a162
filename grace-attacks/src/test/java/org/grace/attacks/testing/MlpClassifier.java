package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.grace.attacks.Classifier;

/**
 * Test model: 2-layer MLP on flattened images, logits = W2·relu(W1·x + b1) + b2, He-initialised
 * from a seed. With {@code trainable} the weights require gradients and are reported as
 * gradient-bearing parameters.
 */
public final class MlpClassifier implements Classifier {

    private final NDArray w1T;
    private final NDArray b1;
    private final NDArray w2T;
    private final NDArray b2;
    private final int classes;
    private final int dim;
    private final boolean trainable;

    public MlpClassifier(NDManager manager, int dim, int hidden, int classes, long seed,
                         boolean trainable) {
        SplittableRandom r = new SplittableRandom(seed);
        this.dim = dim;
        this.classes = classes;
        this.trainable = trainable;
        this.w1T = manager.create(randn(r, dim * hidden, Math.sqrt(2.0 / dim)), new Shape(dim, hidden));
        this.b1 = manager.create(randn(r, hidden, 0.1));
        this.w2T = manager.create(randn(r, hidden * classes, Math.sqrt(2.0 / hidden)),
                new Shape(hidden, classes));
        this.b2 = manager.create(randn(r, classes, 0.1));
        if (trainable) {
            for (NDArray p : parameters()) {
                p.setRequiresGradient(true);
            }
        }
    }

    private static float[] randn(SplittableRandom r, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (scale * LinearClassifier.gaussian(r));
        }
        return out;
    }

    public List<NDArray> parameters() {
        return List.of(w1T, b1, w2T, b2);
    }

    @Override
    public NDArray logits(NDArray images) {
        NDArray flat = images.reshape(images.getShape().get(0), dim);
        return flat.matMul(w1T).add(b1).maximum(0f).matMul(w2T).add(b2);
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public List<NDArray> gradientBearingParameters() {
        return trainable ? parameters() : List.of();
    }
}
