package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.SplittableRandom;
import org.grace.attacks.Classifier;

/**
 * Benchmark model of CIFAR size: conv 3×3 (C→32) → relu → conv 3×3 stride 2 (32→64) → relu →
 * global average pool → linear (64→K), plain weights from a seed.
 */
public final class SmallCnnClassifier implements Classifier {

    private final NDArray k1;
    private final NDArray b1;
    private final NDArray k2;
    private final NDArray b2;
    private final NDArray headT;
    private final NDArray headBias;
    private final int classes;

    public SmallCnnClassifier(NDManager manager, int channels, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        this.classes = classes;
        k1 = manager.create(randn(r, 32 * channels * 9, Math.sqrt(2.0 / (channels * 9))), new Shape(32, channels, 3, 3));
        b1 = manager.zeros(new Shape(32));
        k2 = manager.create(randn(r, 64 * 32 * 9, Math.sqrt(2.0 / (32 * 9))), new Shape(64, 32, 3, 3));
        b2 = manager.zeros(new Shape(64));
        headT = manager.create(randn(r, 64 * classes, Math.sqrt(2.0 / 64)), new Shape(64, classes));
        headBias = manager.zeros(new Shape(classes));
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
        NDArray h = Conv2d.conv2d(images, k1, b1, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow().maximum(0f);
        h = Conv2d.conv2d(h, k2, b2, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow().maximum(0f);
        return h.mean(new int[] {3}).mean(new int[] {2}).matMul(headT).add(headBias);
    }

    @Override
    public int numClasses() {
        return classes;
    }
}
