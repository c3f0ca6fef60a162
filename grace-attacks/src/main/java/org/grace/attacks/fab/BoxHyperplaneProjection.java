package org.grace.attacks.fab;

import java.util.Arrays;
import org.grace.attacks.Norm;

/**
 * The smallest perturbation d, in ℓ∞, ℓ2 or ℓ1, that moves a point x onto the hyperplane
 * {z : w·z = b} while keeping x + d in [0,1]^d (FAB's projection step).
 *
 * <p>With c = b - w·x and s = sign(c), every coordinate moves in direction s·sign(w_i) by at most
 * its room r_i (1 - x_i or x_i); the constraint is Σ|w_i|·|d_i| = |c|. The minimisers:
 * ℓ∞: |d_i| = min(t, r_i) with the smallest t meeting the constraint; ℓ2: |d_i| = min(λ|w_i|, r_i);
 * ℓ1: fill the coordinates of largest |w_i| first, each up to r_i (a fractional knapsack). Each is
 * found exactly by sorting breakpoints. When even the saturated box cannot reach the hyperplane,
 * every coordinate moves its full room (the closest the box allows).
 * Source: Croce &amp; Hein 2020 (FAB), auto-attack {@code fab_projections.py}; departure: these
 * per-sample exact solvers replace the reference's batched search (same minimisers for ℓ2; for ℓ∞
 * and ℓ1, whose minimisers need not be unique, the one described above).
 */
public final class BoxHyperplaneProjection {

    private BoxHyperplaneProjection() {}

    /** Writes d into {@code out[off, off + n)} for point {@code x[off..]} and normal {@code w[wOff..]}. */
    public static void project(Norm norm, float[] x, int off, float[] w, int wOff, double b, int n,
                               float[] out) {
        double c = b;
        for (int i = 0; i < n; i++) {
            c -= (double) w[wOff + i] * x[off + i];
        }
        if (c == 0) {
            Arrays.fill(out, off, off + n, 0f);
            return;
        }
        double s = Math.signum(c);
        double target = Math.abs(c);
        double[] a = new double[n];
        double[] room = new double[n];
        double[] dir = new double[n];
        for (int i = 0; i < n; i++) {
            double wi = w[wOff + i];
            a[i] = Math.abs(wi);
            dir[i] = s * (wi >= 0 ? 1 : -1);
            room[i] = dir[i] > 0 ? 1.0 - x[off + i] : x[off + i];
        }
        double[] magnitude;
        switch (norm) {
            case LINF:
                magnitude = linf(a, room, target);
                break;
            case L2:
                magnitude = l2(a, room, target);
                break;
            default:
                magnitude = l1(a, room, target);
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) (dir[i] * magnitude[i]);
        }
    }

    /** |d_i| = min(t, r_i), smallest t with Σ a_i min(t, r_i) = target. */
    private static double[] linf(double[] a, double[] room, double target) {
        int n = a.length;
        Integer[] order = byKey(room);
        double slope = 0;
        for (double v : a) {
            slope += v;
        }
        double reached = 0;
        double t = Double.POSITIVE_INFINITY;
        double previous = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double next = room[i];
            double gain = slope * (next - previous);
            if (slope > 0 && reached + gain >= target) {
                t = previous + (target - reached) / slope;
                break;
            }
            reached += gain;
            previous = next;
            slope -= a[i];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(t, room[i]);
        }
        return out;
    }

    /** |d_i| = min(λ a_i, r_i), smallest λ with Σ a_i min(λ a_i, r_i) = target. */
    private static double[] l2(double[] a, double[] room, double target) {
        int n = a.length;
        double[] knee = new double[n];
        for (int i = 0; i < n; i++) {
            knee[i] = a[i] > 0 ? room[i] / a[i] : Double.POSITIVE_INFINITY;
        }
        Integer[] order = byKey(knee);
        double slope = 0;
        for (double v : a) {
            slope += v * v;
        }
        double reached = 0;
        double lambda = Double.POSITIVE_INFINITY;
        double previous = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double next = knee[i];
            if (next == Double.POSITIVE_INFINITY) {
                break;
            }
            double gain = slope * (next - previous);
            if (slope > 0 && reached + gain >= target) {
                lambda = previous + (target - reached) / slope;
                break;
            }
            reached += gain;
            previous = next;
            slope -= a[i] * a[i];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i] == 0 ? 0 : Math.min(lambda * a[i], room[i]);
        }
        return out;
    }

    /** Fill largest a_i first up to r_i until Σ a_i |d_i| = target. */
    private static double[] l1(double[] a, double[] room, double target) {
        int n = a.length;
        double[] negA = new double[n];
        for (int i = 0; i < n; i++) {
            negA[i] = -a[i];
        }
        Integer[] order = byKey(negA);
        double[] out = new double[n];
        double left = target;
        for (int k = 0; k < n && left > 0; k++) {
            int i = order[k];
            if (a[i] == 0) {
                break;
            }
            double move = Math.min(room[i], left / a[i]);
            out[i] = move;
            left -= move * a[i];
        }
        return out;
    }

    private static Integer[] byKey(double[] key) {
        Integer[] order = new Integer[key.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(key[p], key[q]));
        return order;
    }
}
