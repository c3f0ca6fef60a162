package org.grace.model.data.synth;

/**
 * Training settings of the fixed reference classifiers that filter the A analogues.
 *
 * @param epochs              passes of SGD over the ID training split
 * @param learningRate        initial step size (decayed as {@code lr / (1 + epoch)})
 * @param l2                  weight decay coefficient
 * @param seed                seed of the example order
 * @param plusConfidence      A-Plus keeps a candidate only if the first reference model's
 *                            probability for its (wrong) prediction is at least this
 */
public record ReferenceClassifierConfig(int epochs, double learningRate, double l2, long seed, double plusConfidence) {

    public ReferenceClassifierConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be >= 0 and finite, got " + l2);
        }
        if (!(plusConfidence >= 0 && plusConfidence < 1)) {
            throw new IllegalArgumentException("plusConfidence must be in [0,1), got " + plusConfidence);
        }
    }

    /** 12 epochs, learning rate 0.05, l2 1e-4, seed 17, A-Plus confidence 0.5. */
    public static ReferenceClassifierConfig defaults() {
        return new ReferenceClassifierConfig(12, 0.05, 1e-4, 17L, 0.5);
    }
}
