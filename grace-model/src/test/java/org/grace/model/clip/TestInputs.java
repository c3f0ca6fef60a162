package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/** Seeded random images in [0,1] and token rows ending in the end token, for model tests. */
public final class TestInputs {

    private TestInputs() {
    }

    public static NDArray images(NDManager m, ClipConfig config, int batch, long seed) {
        int s = config.vision().imageSize();
        float[] values = new float[batch * 3 * s * s];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextDouble();
        }
        return m.create(values, new Shape(batch, 3, s, s));
    }

    /** Rows [start, random words..., end, 0...] with varying lengths; end = vocab−1 is the largest id. */
    public static NDArray tokens(NDManager m, ClipConfig config, int batch, long seed) {
        int ctx = config.text().contextLength();
        int vocab = config.text().vocabSize();
        long[] ids = new long[batch * ctx];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < batch; b++) {
            int len = 2 + rng.nextInt(Math.max(1, ctx - 2));
            ids[b * ctx] = vocab - 2;
            for (int j = 1; j < len - 1; j++) {
                ids[b * ctx + j] = 1 + rng.nextInt(vocab - 3);
            }
            ids[b * ctx + len - 1] = vocab - 1;
        }
        return m.create(ids, new Shape(batch, ctx));
    }
}
