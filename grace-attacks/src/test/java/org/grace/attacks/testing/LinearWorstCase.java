package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;

/**
 * Closed-form ℓ∞ worst case of a two-class linear classifier: for u = w_y - w_o and margin
 * m(x) = u·x + b_y - b_o, min over ||δ||_∞ ≤ ε of m(x + δ) = m(x) - ε·||u||_1, attained at
 * x - ε·sign(u); valid when every pixel is at least ε away from 0 and 1 (the box is inactive).
 */
public final class LinearWorstCase {

    private LinearWorstCase() {}

    /** Margins m(x_i) of a 2-class linear model. */
    public static double[] margins(LinearClassifier model, NDArray images, int[] labels) {
        float[] x = images.toFloatArray();
        int d = model.dim();
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            int o = 1 - y;
            double m = model.bias(y) - model.bias(o);
            for (int j = 0; j < d; j++) {
                m += (model.weight(y, j) - model.weight(o, j)) * x[i * d + j];
            }
            out[i] = m;
        }
        return out;
    }

    /** m(x_i) - ε·||w_y - w_o||_1. */
    public static double[] worstMargins(LinearClassifier model, NDArray images, int[] labels,
                                        double eps) {
        double[] m = margins(model, images, labels);
        for (int i = 0; i < m.length; i++) {
            double l1 = 0;
            for (int j = 0; j < model.dim(); j++) {
                l1 += Math.abs(model.weight(labels[i], j) - model.weight(1 - labels[i], j));
            }
            m[i] -= eps * l1;
        }
        return m;
    }
}
