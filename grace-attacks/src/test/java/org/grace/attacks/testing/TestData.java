package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;

/** Random images, model-consistent labels, batched attack runs and accuracies for tests. */
public final class TestData {

    private TestData() {}

    /** Images [n, c, h, w] with values uniform in [lo, hi] from {@code seed}. */
    public static NDArray images(NDManager manager, int n, int c, int h, int w, double lo, double hi,
                                 long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] data = new float[n * c * h * w];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return manager.create(data, new Shape(n, c, h, w));
    }

    /** The model's own predictions as labels (clean accuracy 1). */
    public static int[] predictedLabels(Classifier model, NDArray images) {
        return Predictions.argmax(model.logits(images));
    }

    /** Fraction of {@code images} classified as {@code labels}. */
    public static double accuracy(Classifier model, NDArray images, int[] labels) {
        boolean[] ok = Predictions.correct(model, images, labels);
        int c = 0;
        for (boolean b : ok) {
            c += b ? 1 : 0;
        }
        return (double) c / ok.length;
    }

    /** Runs {@code attack} in batches of {@code batchSize} with global sample ids, concatenated. */
    public static NDArray inBatches(Attack attack, Classifier model, NDArray images, int[] labels,
                                    int batchSize) {
        int n = labels.length;
        NDList parts = new NDList();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            int[] idx = new int[end - start];
            long[] ids = new long[end - start];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = start + j;
                ids[j] = start + j;
            }
            parts.add(attack.perturb(model, Rows.gather(images, idx), Rows.gather(labels, idx), ids));
        }
        return NDArrays.concat(parts, 0);
    }
}
