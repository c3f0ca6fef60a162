package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.grace.attacks.Classifier;

/** Test model: logits = W·flatten(x) + b, with W [K, D] and b [K] plain (no gradient) arrays. */
public final class LinearClassifier implements Classifier {

    private final NDArray weightT;
    private final NDArray bias;
    private final float[] weights;
    private final float[] biases;
    private final int classes;
    private final int dim;

    public LinearClassifier(NDManager manager, float[] weights, float[] biases, int dim) {
        this.classes = biases.length;
        this.dim = dim;
        this.weights = weights.clone();
        this.biases = biases.clone();
        this.weightT = manager.create(weights, new Shape(classes, dim)).transpose();
        this.bias = manager.create(biases);
    }

    /** Random N(0, scale²) weights and biases from {@code seed}. */
    public static LinearClassifier random(NDManager manager, int classes, int dim, double scale,
                                          long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w = new float[classes * dim];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (scale * gaussian(r));
        }
        float[] b = new float[classes];
        for (int k = 0; k < classes; k++) {
            b[k] = (float) (0.1 * gaussian(r));
        }
        return new LinearClassifier(manager, w, b, dim);
    }

    static double gaussian(SplittableRandom r) {
        return StrictMath.sqrt(-2 * StrictMath.log(1 - r.nextDouble()))
                * StrictMath.cos(2 * StrictMath.PI * r.nextDouble());
    }

    /** The same weights with other biases. */
    public LinearClassifier withBiases(NDManager manager, float[] newBiases) {
        return new LinearClassifier(manager, weights, newBiases, dim);
    }

    /** W[k, i]. */
    public float weight(int k, int i) {
        return weights[k * dim + i];
    }

    /** b[k]. */
    public float bias(int k) {
        return biases[k];
    }

    public int dim() {
        return dim;
    }

    @Override
    public NDArray logits(NDArray images) {
        return images.reshape(images.getShape().get(0), dim).matMul(weightT).add(bias);
    }

    @Override
    public int numClasses() {
        return classes;
    }
}
