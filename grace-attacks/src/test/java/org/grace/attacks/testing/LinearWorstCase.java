package org.grace.attacks.testing;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.Norm;

/**
 * Closed-form worst case of a two-class linear classifier: for u = w_y - w_o and margin
 * m(x) = u·x + b_y - b_o, min over ||δ||_∞ ≤ ε of m(x + δ) = m(x) - ε·||u||_1, attained at
 * x - ε·sign(u), when every pixel is at least ε away from 0 and 1 (box-aware versions below).
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

    /** The ℓ∞ worst margin; with the box inactive it is m(x_i) - ε·||w_y - w_o||_1. */
    public static double[] worstMargins(LinearClassifier model, NDArray images, int[] labels,
                                        double eps) {
        return worstMargins(Norm.LINF, model, images, labels, eps);
    }

    /**
     * Exact worst margin min m(x_i + δ) over ||δ||_p ≤ ε and 0 ≤ x_i + δ ≤ 1. ℓ∞: each pixel
     * moves against sign(u_j) by min(ε, room_j). ℓ1: a fractional knapsack, filling the pixels of
     * largest |u_j| first up to their room. ℓ2: m - ε·||u||_2, valid only while the box is inactive
     * (checked: throws otherwise).
     */
    public static double[] worstMargins(Norm norm, LinearClassifier model, NDArray images,
                                        int[] labels, double eps) {
        double[] m = margins(model, images, labels);
        float[] x = images.toFloatArray();
        int d = model.dim();
        for (int i = 0; i < m.length; i++) {
            double[] u = new double[d];
            double[] room = new double[d];
            double l2 = 0;
            for (int j = 0; j < d; j++) {
                u[j] = model.weight(labels[i], j) - model.weight(1 - labels[i], j);
                room[j] = u[j] > 0 ? x[i * d + j] : 1 - x[i * d + j];
                l2 += u[j] * u[j];
            }
            l2 = Math.sqrt(l2);
            if (norm == Norm.LINF) {
                for (int j = 0; j < d; j++) {
                    m[i] -= Math.abs(u[j]) * Math.min(eps, room[j]);
                }
            } else if (norm == Norm.L2) {
                for (int j = 0; j < d; j++) {
                    if (eps * Math.abs(u[j]) / l2 > room[j]) {
                        throw new IllegalStateException("box active for sample " + i);
                    }
                }
                m[i] -= eps * l2;
            } else {
                Integer[] order = new Integer[d];
                for (int j = 0; j < d; j++) {
                    order[j] = j;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(u[b]), Math.abs(u[a])));
                double left = eps;
                for (int j : order) {
                    double move = Math.min(left, room[j]);
                    m[i] -= Math.abs(u[j]) * move;
                    left -= move;
                }
            }
        }
        return m;
    }
}
