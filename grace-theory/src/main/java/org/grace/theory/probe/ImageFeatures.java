package org.grace.theory.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.grace.theory.discrepancy.FeatureSet;

/**
 * Image features of a labelled set under the deployed model, and the classifier's top-1 error on it.
 *
 * <p>Features are f_img(x) = {@link ClipModel#encodeImage}, optionally divided by their L2 norm (the
 * geometry the head classifies in); they are read in float64 for the moment estimates. Images are
 * encoded {@value #CHUNK} at a time in a private memory scope.
 *
 * @param features the features with the set's labels
 * @param error    the fraction of images whose arg-max logit is not their label
 */
record ImageFeatures(FeatureSet features, double error) {

    static final int CHUNK = 256;

    static ImageFeatures of(ClipModel model, ZeroShotHead head, LabelledImages set, boolean normalise, NDManager parent) {
        int n = set.size();
        int[] labels = set.labels();
        double[][] rows = new double[n][];
        int errors = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (NDManager scope = parent.newSubManager()) {
                NDArray images = set.images().get(new NDIndex("{}:{}", from, to));
                images.attach(scope);
                NDArray f = model.encodeImage(images);
                long[] predicted = head.logits(f).argMax(1).toLongArray();
                NDArray kept = normalise ? ClipModel.normalize(f) : f;
                float[] values = kept.toFloatArray();
                int d = (int) kept.getShape().get(1);
                for (int r = 0; r < to - from; r++) {
                    double[] row = new double[d];
                    for (int j = 0; j < d; j++) {
                        row[j] = values[r * d + j];
                    }
                    rows[from + r] = row;
                    errors += predicted[r] == labels[from + r] ? 0 : 1;
                }
            }
        }
        return new ImageFeatures(new FeatureSet(set.name(), rows, labels), (double) errors / n);
    }
}
