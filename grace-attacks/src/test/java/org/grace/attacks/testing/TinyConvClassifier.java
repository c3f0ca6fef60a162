package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.SplittableRandom;
import org.grace.attacks.Classifier;

/**
 * Test model: conv 3×3 (C→filters, stride 1, pad 1) → relu → global average pool → linear,
 * with plain (no gradient) weights from a seed.
 */
public final class TinyConvClassifier implements Classifier {

    private final NDArray kernel;
    private final NDArray kernelBias;
    private final NDArray headT;
    private final NDArray headBias;
    private final int classes;

    public TinyConvClassifier(NDManager manager, int channels, int filters, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        this.classes = classes;
        this.kernel = manager.create(randn(r, filters * channels * 9, Math.sqrt(2.0 / (channels * 9))),
                new Shape(filters, channels, 3, 3));
        this.kernelBias = manager.create(randn(r, filters, 0.1));
        this.headT = manager.create(randn(r, filters * classes, Math.sqrt(2.0 / filters) * 4),
                new Shape(filters, classes));
        this.headBias = manager.create(randn(r, classes, 0.1));
    }

    private static float[] randn(SplittableRandom r, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (scale * LinearClassifier.gaussian(r));
        }
        return out;
    }

    @Override
    public NDArray logits(NDArray images) {
        NDArray features = Conv2d.conv2d(images, kernel, kernelBias, new Shape(1, 1),
                new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
        return features.maximum(0f).mean(new int[] {3}).mean(new int[] {2}).matMul(headT).add(headBias);
    }

    @Override
    public int numClasses() {
        return classes;
    }
}
