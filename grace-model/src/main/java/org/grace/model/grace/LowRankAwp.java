package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdaptedLinear;

import java.util.SplittableRandom;

/**
 * The low-rank adversarial weight perturbation of one layer (LAR-AWP's inner step).
 *
 * <p>AWP (Wu et al. 2020, {@code utils_awp.py}) moves each weight along its normalised ascent
 * direction, {@code v_l = γ·‖W_l‖_F·d_l/‖d_l‖_F} with {@code d_l = ∇_{W_l}L}. LAR-AWP keeps that step
 * inside a rank-{@code r_l} subspace: {@code d_l} is replaced by its best rank-{@code r_l}
 * approximation {@code Z·Qᵀ}, found by subspace (block power) iteration
 * <pre>  Q ← orth(Gᵀ·orth(G·Q))   repeated, then Z = G·Q</pre>
 * (open choice 5 in {@code reference/baselines.md}: "rank-r truncated SVD, or 2–3 power
 * iterations"). The result is installed as the layer's {@link AdaptedLinear} perturbation branch
 * {@code δW = scale·Z·Qᵀ} with {@code scale = γ‖W_eff‖_F/‖Z‖_F}, so {@code ‖δW‖_F = γ‖W_eff‖_F}
 * (layer-relative radius, measured on the effective weight as the reference advises for LoRA).
 * Removing the branch restores the layer bit for bit.
 */
public final class LowRankAwp {

    private LowRankAwp() {
    }

    /**
     * The rank-r factors of {@code g} [out,in]: Z [out,r] (singular values folded in) and Qᵀ [r,in].
     *
     * @param iterations power iterations, at least 1
     */
    public static NDArray[] lowRank(NDArray g, int rank, int iterations, SplittableRandom rng) {
        Shape s = g.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("AWP direction must be a matrix, got " + s);
        }
        int in = (int) s.get(1);
        int r = Math.min(rank, (int) Math.min(s.get(0), s.get(1)));
        if (r < 1 || iterations < 1) {
            throw new IllegalArgumentException("AWP rank and iterations must be positive, got rank " + rank
                    + ", iterations " + iterations);
        }
        NDManager m = g.getManager();
        float[] start = new float[in * r];
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) rng.nextGaussian();
        }
        NDArray q = orthonormalColumns(m.create(start, new Shape(in, r)));
        NDArray gt = g.transpose();
        for (int t = 0; t < iterations; t++) {
            NDArray z = orthonormalColumns(g.matMul(q));
            q = orthonormalColumns(gt.matMul(z));
        }
        return new NDArray[] {g.matMul(q), q.transpose()};
    }

    /**
     * Sets layer's perturbation to the rank-r ascent step of radius {@code gamma·‖W_eff‖_F} along
     * {@code gradient}; a zero gradient leaves the layer unperturbed.
     *
     * @return the Frobenius norm of the installed perturbation
     */
    public static double perturb(AdaptedLinear layer, NDArray gradient, int rank, double gamma, int iterations,
                                 SplittableRandom rng) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("AWP radius gamma must be finite and non-negative, was " + gamma);
        }
        NDManager m = gradient.getManager();
        NDArray[] factors = lowRank(gradient, rank, iterations, rng);
        double directionNorm = factors[0].norm().getFloat();
        if (directionNorm == 0 || gamma == 0) {
            layer.removePerturbation();
            return 0;
        }
        double weightNorm;
        try (NDManager local = m.newSubManager()) {
            weightNorm = layer.effectiveWeight(local).norm().getFloat();
        }
        float scale = (float) (gamma * weightNorm / directionNorm);
        NDArray u = factors[0].duplicate();
        NDArray v = factors[1].duplicate();
        u.attach(layer.weight().getManager());
        v.attach(layer.weight().getManager());
        layer.setPerturbation(u, v, scale);
        return gamma * weightNorm;
    }

    /** Gram–Schmidt on the columns of x [n, r] (modified, two passes for stability), as a new array. */
    static NDArray orthonormalColumns(NDArray x) {
        Shape s = x.getShape();
        int n = (int) s.get(0);
        int r = (int) s.get(1);
        float[] a = x.toFloatArray();
        double[][] cols = new double[r][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                cols[j][i] = a[i * r + j];
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < r; j++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += cols[j][i] * cols[k][i];
                    }
                    for (int i = 0; i < n; i++) {
                        cols[j][i] -= dot * cols[k][i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += cols[j][i] * cols[j][i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    cols[j][i] = norm > 1e-30 ? cols[j][i] / norm : 0;
                }
            }
        }
        float[] out = new float[n * r];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                out[i * r + j] = (float) cols[j][i];
            }
        }
        return x.getManager().create(out, s);
    }
}
