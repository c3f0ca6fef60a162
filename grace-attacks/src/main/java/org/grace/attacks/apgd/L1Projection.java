package org.grace.attacks.apgd;

import java.util.Arrays;

/**
 * Exact Euclidean projection of a perturbation v onto {δ : ||δ||_1 ≤ ε, 0 ≤ x + δ ≤ 1}.
 *
 * <p>The KKT conditions give δ_i = sign(v_i)·clip(|v_i| - λ, 0, u_i) with u_i = 1 - x_i if v_i ≥ 0
 * else x_i, and λ = 0 if that already has ℓ1 norm ≤ ε, else the λ &gt; 0 where
 * f(λ) = Σ_i clip(|v_i| - λ, 0, u_i) = ε. f is piecewise linear and decreasing with breakpoints
 * |v_i| - u_i and |v_i|; we sweep the sorted breakpoints (O(d log d) per sample).
 * Source: Croce &amp; Hein 2021 "Mind the box", auto-attack {@code autopgd_base.py L1_projection}
 * (which computes the same unique minimiser with a different batched search).
 */
public final class L1Projection {

    private L1Projection() {}

    /**
     * Projects {@code v[off, off + d)} for the clean point {@code x[off, off + d)} into
     * {@code out[off, off + d)}.
     */
    public static void project(float[] x, float[] v, double eps, float[] out, int off, int d) {
        double[] a = new double[d];
        double[] u = new double[d];
        double clippedNorm = 0;
        for (int i = 0; i < d; i++) {
            double vi = v[off + i];
            a[i] = Math.abs(vi);
            u[i] = vi >= 0 ? 1.0 - x[off + i] : x[off + i];
            clippedNorm += Math.min(a[i], u[i]);
        }
        double lambda = 0;
        if (clippedNorm > eps) {
            lambda = threshold(a, u, eps, clippedNorm);
        }
        for (int i = 0; i < d; i++) {
            double mag = Math.min(Math.max(a[i] - lambda, 0), u[i]);
            out[off + i] = (float) (v[off + i] >= 0 ? mag : -mag);
        }
    }

    private static double threshold(double[] a, double[] u, double eps, double f0) {
        int d = a.length;
        double[] starts = new double[d];
        double[] ends = new double[d];
        int active = 0;
        for (int i = 0; i < d; i++) {
            starts[i] = a[i] - u[i];
            ends[i] = a[i];
            if (starts[i] <= 0 && a[i] > 0) {
                active++;
            }
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int si = 0;
        int ei = 0;
        while (si < d && starts[si] <= 0) {
            si++;
        }
        while (ei < d && ends[ei] <= 0) {
            ei++;
        }
        double lambda = 0;
        double f = f0;
        while (true) {
            double next = Math.min(si < d ? starts[si] : Double.POSITIVE_INFINITY,
                    ei < d ? ends[ei] : Double.POSITIVE_INFINITY);
            if (active > 0 && (next == Double.POSITIVE_INFINITY || f - active * (next - lambda) <= eps)) {
                return lambda + (f - eps) / active;
            }
            if (next == Double.POSITIVE_INFINITY) {
                return lambda;
            }
            f -= active * (next - lambda);
            lambda = next;
            if (si < d && starts[si] == next) {
                active++;
                si++;
            } else {
                active--;
                ei++;
            }
        }
    }
}
