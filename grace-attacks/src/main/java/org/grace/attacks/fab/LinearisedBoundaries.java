package org.grace.attacks.fab;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.Classifier;
import org.grace.attacks.LossGradient;
import org.grace.attacks.loss.AttackLoss;

/**
 * First-order models of FAB's decision boundaries at a point x: for each candidate class k the
 * value f_k(x) = z_k - z_y and its input gradient. Untargeted: every class (one backward pass per
 * class; the true class gets f = 1e10 so it is never chosen). Targeted: the single class t.
 * Source: auto-attack {@code fab_pt.py get_diff_logits_grads_batch(_targeted)}.
 */
final class LinearisedBoundaries {

    /** values[i][k], gradients[k][i·d + j] for sample i, candidate k, pixel j. */
    record Linearisation(float[][] values, float[][] gradients) {}

    private LinearisedBoundaries() {}

    private static AttackLoss logitGap(int[] classes) {
        return new AttackLoss() {
            @Override
            public String name() {
                return "logit-gap";
            }

            @Override
            public NDArray perSample(NDArray logits, int[] labels, int[] targets) {
                int k = Math.toIntExact(logits.getShape().get(1));
                NDArray ofClass = logits.getManager().create(classes).oneHot(k)
                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                NDArray ofLabel = logits.getManager().create(labels).oneHot(k)
                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                return logits.mul(ofClass.sub(ofLabel)).sum(new int[] {1});
            }
        };
    }

    static Linearisation at(Classifier model, NDArray x, int[] labels, int[] targets, int numClasses) {
        int n = labels.length;
        if (targets != null) {
            LossGradient lg = LossGradient.at(model, x, logitGap(targets), labels, null);
            float[] v = lg.loss().toFloatArray();
            float[][] values = new float[n][1];
            for (int i = 0; i < n; i++) {
                values[i][0] = v[i];
            }
            return new Linearisation(values, new float[][] {lg.gradient().toFloatArray()});
        }
        float[][] values = new float[n][numClasses];
        float[][] gradients = new float[numClasses][];
        int[] cls = new int[n];
        for (int k = 0; k < numClasses; k++) {
            java.util.Arrays.fill(cls, k);
            LossGradient lg = LossGradient.at(model, x, logitGap(cls), labels, null);
            float[] v = lg.loss().toFloatArray();
            for (int i = 0; i < n; i++) {
                values[i][k] = k == labels[i] ? 1e10f : v[i];
            }
            gradients[k] = lg.gradient().toFloatArray();
        }
        return new Linearisation(values, gradients);
    }
}
