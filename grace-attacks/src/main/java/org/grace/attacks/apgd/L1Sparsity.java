package org.grace.attacks.apgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * The ℓ1 part of APGD (Croce &amp; Hein 2021, "Mind the box"; auto-attack {@code autopgd_base.py}):
 * the sparse step and its adaptive sparsity and step size.
 *
 * <p>Step: keep the gradient on coordinates with |g_i| ≥ the ⌊(1 - s)·d⌋-th smallest |g| (s, the
 * fraction of coordinates, starts at 0.2), move by η·sign(g_kept)/||sign(g_kept)||_1 and project
 * exactly onto the ℓ1 ball ∩ box ({@link L1Projection}). Every max(⌊0.04 N⌋, 1) iterations: with
 * p = ||x_best - x||_0, s ← p/d/1.5; if p shrank below 0.95 of its previous value, η ← α·ε and the
 * iterate returns to the best point; else η ← η/1.5; then η is clipped to [α·ε/10, α·ε].
 * Departure: auto-attack's {@code use_largereps} ε schedule (3ε, 2ε, ε) of its ℓ1 'standard'
 * version is left out.
 */
final class L1Sparsity {

    private final double eps;
    private final double alphaEps;
    private final int features;
    private final int interval;
    private final NDArray clean;
    private final float[] topFraction;
    private final float[] previousSparsity;
    private int sinceCheck;

    L1Sparsity(ApgdConfig config, NDArray x, int n) {
        this.eps = config.eps();
        this.alphaEps = config.alpha() * config.eps();
        this.features = Math.toIntExact(x.getShape().size() / n);
        this.interval = Math.max((int) (0.04 * config.iterations()), 1);
        this.clean = x;
        this.topFraction = new float[n];
        Arrays.fill(topFraction, 0.2f);
        this.previousSparsity = new float[n];
        Arrays.fill(previousSparsity, features);
    }

    /** x + P₁(v) for a raw perturbation v (clipped into the box by the projection). */
    static NDArray projectOntoBall(NDArray x, NDArray v, double eps) {
        float[] xs = x.toFloatArray();
        float[] vs = v.toFloatArray();
        int n = Math.toIntExact(x.getShape().get(0));
        int d = xs.length / n;
        float[] out = new float[xs.length];
        for (int i = 0; i < n; i++) {
            L1Projection.project(xs, vs, eps, out, i * d, d);
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.min(1f, Math.max(0f, xs[k] + out[k]));
        }
        return v.getManager().create(out, x.getShape());
    }

    NDArray step(NDArray xAdv, NDArray grad, float[] step, NDArray x, NDManager manager) {
        float[] g = grad.toFloatArray();
        float[] current = xAdv.toFloatArray();
        float[] xs = x.toFloatArray();
        int n = step.length;
        int d = features;
        float[] delta = new float[g.length];
        float[] sorted = new float[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                sorted[j] = Math.abs(g[off + j]);
            }
            Arrays.sort(sorted);
            int index = (int) Math.min(Math.max((1.0 - topFraction[i]) * d, 0), d - 1);
            float threshold = sorted[index];
            int kept = 0;
            for (int j = 0; j < d; j++) {
                if (Math.abs(g[off + j]) >= threshold && g[off + j] != 0) {
                    kept++;
                }
            }
            double scale = step[i] / (kept + 1e-10);
            for (int j = 0; j < d; j++) {
                float gj = g[off + j];
                float sign = Math.abs(gj) >= threshold ? Math.signum(gj) : 0f;
                delta[off + j] = (float) (current[off + j] + scale * sign - xs[off + j]);
            }
        }
        float[] projected = new float[g.length];
        for (int i = 0; i < n; i++) {
            L1Projection.project(xs, delta, eps, projected, i * d, d);
        }
        for (int k = 0; k < projected.length; k++) {
            projected[k] = Math.min(1f, Math.max(0f, xs[k] + projected[k]));
        }
        return manager.create(projected, xAdv.getShape());
    }

    /** At a checkpoint, adapts sparsity and step and returns the samples to reset; else null. */
    boolean[] afterIteration(NDArray xBest, float[] step) {
        if (++sinceCheck != interval) {
            return null;
        }
        sinceCheck = 0;
        float[] diff = xBest.sub(clean).toFloatArray();
        int n = step.length;
        boolean[] reset = new boolean[n];
        for (int i = 0; i < n; i++) {
            int nonzero = 0;
            for (int j = 0; j < features; j++) {
                if (diff[i * features + j] != 0f) {
                    nonzero++;
                }
            }
            reset[i] = nonzero / previousSparsity[i] < 0.95f;
            topFraction[i] = nonzero / (float) features / 1.5f;
            step[i] = reset[i] ? (float) alphaEps : step[i] / 1.5f;
            step[i] = (float) Math.min(Math.max(step[i], alphaEps / 10), alphaEps);
            previousSparsity[i] = nonzero;
        }
        return reset;
    }
}
