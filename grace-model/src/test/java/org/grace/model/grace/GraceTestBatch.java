package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.data.ImageDataset;
import org.grace.model.method.MethodContext;
import org.grace.model.train.StepContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Fixed batches, step contexts and gradient snapshots for the GRACE tests. */
final class GraceTestBatch {

    private GraceTestBatch() {
    }

    /** The first {@code n} training images of the context, in {@code m}. */
    static NDArray images(MethodContext context, int n, NDManager m) {
        ImageDataset train = context.train();
        int s = train.imageSize();
        int per = 3 * s * s;
        float[] pixels = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(train.image(i), 0, pixels, i * per, per);
        }
        return m.create(pixels, new Shape(n, 3, s, s));
    }

    static int[] labels(MethodContext context, int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = context.train().label(i);
        }
        return y;
    }

    /** A step context whose random stream is a fixed function of {@code seed}. */
    static StepContext step(int step, int total, NDManager m, long seed) {
        return new StepContext(step, total, m, new SplittableRandom(seed));
    }

    /** Copies of the current gradients, by name. */
    static Map<String, float[]> gradients(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> {
            try (NDArray g = a.getGradient()) {
                out.put(name, g.toFloatArray());
            }
        });
        return out;
    }

    /** Copies of the current values, by name. */
    static Map<String, float[]> values(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> out.put(name, a.toFloatArray()));
        return out;
    }

    /** Gives every LoRA B a small random value so that gradients w.r.t. A are not zero. */
    static void randomiseLoraB(Map<String, NDArray> lora, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> names = new ArrayList<>(lora.keySet());
        for (String name : names) {
            if (name.endsWith("lora_B.weight")) {
                NDArray b = lora.get(name);
                float[] v = new float[(int) b.getShape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.05 * rng.nextGaussian());
                }
                try (NDArray add = b.getManager().create(v, b.getShape())) {
                    b.addi(add);
                }
            }
        }
    }
}
