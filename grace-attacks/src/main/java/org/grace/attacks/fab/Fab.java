package org.grace.attacks.fab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;
import org.grace.attacks.SampleStreams;
import org.grace.attacks.apgd.TargetRanking;

/**
 * FAB, the fast adaptive boundary attack (Croce &amp; Hein 2020), untargeted (FAB) or targeted
 * (FAB-T), in ℓ∞, ℓ2 or ℓ1: a minimum-norm attack whose result counts only if within ε.
 *
 * <p>Iteration at x¹ (x⁰ the clean point): linearise the boundaries f_k = z_k - z_y
 * ({@link LinearisedBoundaries}); pick k minimising |f_k| / ||∇f_k||_q (q the dual norm); project
 * both x¹ and x⁰ onto its hyperplane within the box ({@link BoxHyperplaneProjection}), giving d1,
 * d2; with α = clip(||d1||/(||d1|| + ||d2||), 0, α_max),
 * {@code x¹ ← clip((x¹ + η d1)(1 - α) + (x⁰ + η d2) α, 0, 1)}. When x¹ is misclassified it is kept
 * if closer to x⁰ than the best so far, then pulled back: {@code x¹ ← x⁰ + β (x¹ - x⁰)}.
 * Restart 0 starts at x⁰, restart r &gt; 0 at x⁰ + (ε/2)·t/||t||_p (t uniform for ℓ∞, Gaussian
 * otherwise) from the stream (seed, id, r). FAB-T runs, for r = 2..T+1, against the r-th most
 * likely class of the clean input, on the points still robust.
 *
 * <p>Source: auto-attack {@code fab_base.py} ({@code attack_single_run}, {@code perturb}),
 * {@code fab_pt.py}. Departures: per-sample random streams; exact per-sample box-constrained
 * projections instead of the reference's batched ones; untargeted FAB needs one backward pass per
 * class (DJL cannot retain the graph between backward calls), as costly as the reference's
 * Jacobian.
 */
public final class Fab extends Attack {

    private final FabConfig config;

    public Fab(FabConfig config) {
        super(config.targeted() ? "fab-t" : "fab", config.norm(), config.eps());
        this.config = config;
    }

    public FabConfig config() {
        return config;
    }

    @Override
    protected void requireModel(Classifier model) {
        if (config.targeted() && config.targetClasses() + 1 > model.numClasses()) {
            throw new IllegalArgumentException("FAB-T with " + config.targetClasses()
                    + " target classes needs at least " + (config.targetClasses() + 1)
                    + " classes; the classifier has " + model.numClasses());
        }
    }

    @Override
    protected NDArray run(Classifier model, NDArray x, int[] labels, long[] ids, NDManager work) {
        NDArray cleanLogits = model.logits(x);
        boolean[] robust = Predictions.correct(cleanLogits, labels);
        int[][] ranking = TargetRanking.descending(cleanLogits);
        NDArray adversarial = x;
        int rounds = config.targeted() ? config.targetClasses() : 1;
        for (int round = 0; round < rounds; round++) {
            for (int restart = 0; restart < config.restarts(); restart++) {
                int[] idx = Rows.where(robust, true);
                if (idx.length == 0) {
                    return adversarial;
                }
                int[] targets = null;
                if (config.targeted()) {
                    targets = new int[idx.length];
                    for (int j = 0; j < idx.length; j++) {
                        targets[j] = ranking[idx[j]][round + 1];
                    }
                }
                long stream = (long) round * config.restarts() + restart;
                NDArray xs = Rows.gather(x, idx);
                int[] ys = Rows.gather(labels, idx);
                NDArray found = attackOnce(model, xs, ys, targets, Rows.gather(ids, idx), restart, stream);
                boolean[] correct = Predictions.correct(model, found, ys);
                float[] distance = config.norm().perSample(found.sub(xs)).toFloatArray();
                boolean[] success = new boolean[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    success[j] = !correct[j] && distance[j] <= config.eps();
                    if (success[j]) {
                        robust[idx[j]] = false;
                    }
                }
                adversarial = Rows.scatter(adversarial, idx, found, success);
            }
        }
        return adversarial;
    }

    /** One FAB run; returns the closest adversarial found per sample, or x where none. */
    private NDArray attackOnce(Classifier model, NDArray x, int[] labels, int[] targets, long[] ids,
                               int restart, long stream) {
        int n = labels.length;
        int d = Math.toIntExact(x.getShape().size() / n);
        Norm norm = config.norm();
        float[] x0 = x.toFloatArray();
        float[] x1 = x0.clone();
        if (restart > 0) {
            randomStart(x0, x1, ids, stream, n, d);
        }
        float[] best = x0.clone();
        double[] bestDistance = new double[n];
        Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        float[] d1 = new float[n * d];
        float[] d2 = new float[n * d];
        for (int it = 0; it < config.iterations(); it++) {
            try (NDManager step = x.getManager().newSubManager()) {
                NDArray current = step.create(x1, x.getShape());
                LinearisedBoundaries.Linearisation lin = LinearisedBoundaries.at(model, current, labels,
                        targets, model.numClasses());
                for (int i = 0; i < n; i++) {
                    int k = closestBoundary(lin, i, d, norm.dual());
                    float[] w = lin.gradients()[k];
                    double b = -lin.values()[i][k];
                    for (int j = 0; j < d; j++) {
                        b += (double) w[i * d + j] * x1[i * d + j];
                    }
                    BoxHyperplaneProjection.project(norm, x1, i * d, w, i * d, b, d, d1);
                    BoxHyperplaneProjection.project(norm, x0, i * d, w, i * d, b, d, d2);
                    double a1 = Math.max(length(norm, d1, i * d, d), 1e-8);
                    double a2 = Math.max(length(norm, d2, i * d, d), 1e-8);
                    double alpha = Math.min(Math.max(a1 / (a1 + a2), 0), config.alphaMax());
                    for (int j = i * d; j < (i + 1) * d; j++) {
                        double moved = (x1[j] + config.eta() * d1[j]) * (1 - alpha)
                                + (x0[j] + config.eta() * d2[j]) * alpha;
                        x1[j] = (float) Math.min(1.0, Math.max(0.0, moved));
                    }
                }
                boolean[] correct = Predictions.correct(model, step.create(x1, x.getShape()), labels);
                for (int i = 0; i < n; i++) {
                    if (correct[i]) {
                        continue;
                    }
                    double distance = distance(norm, x1, x0, i * d, d);
                    if (distance < bestDistance[i]) {
                        bestDistance[i] = distance;
                        System.arraycopy(x1, i * d, best, i * d, d);
                    }
                    for (int j = i * d; j < (i + 1) * d; j++) {
                        x1[j] = (float) (x0[j] + (x1[j] - x0[j]) * config.beta());
                    }
                }
            }
        }
        return x.getManager().create(best, x.getShape());
    }

    private static int closestBoundary(LinearisedBoundaries.Linearisation lin, int i, int d, Norm dual) {
        int bestK = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int k = 0; k < lin.gradients().length; k++) {
            double dist = Math.abs(lin.values()[i][k]) / (1e-12 + length(dual, lin.gradients()[k], i * d, d));
            if (dist < bestDist) {
                bestDist = dist;
                bestK = k;
            }
        }
        return bestK;
    }

    private void randomStart(float[] x0, float[] x1, long[] ids, long stream, int n, int d) {
        SampleStreams.Noise kind = config.norm() == Norm.LINF
                ? SampleStreams.Noise.UNIFORM_SIGNED : SampleStreams.Noise.GAUSSIAN;
        float[] t = new float[d];
        for (int i = 0; i < n; i++) {
            SampleStreams.fill(SampleStreams.of(config.seed(), ids[i], stream), kind, t, 0, d);
            double scale = 0.5 * config.eps() / Math.max(length(config.norm(), t, 0, d), 1e-12);
            for (int j = 0; j < d; j++) {
                x1[i * d + j] = (float) Math.min(1.0, Math.max(0.0, x0[i * d + j] + scale * t[j]));
            }
        }
    }

    static double length(Norm norm, float[] v, int off, int d) {
        double acc = 0;
        for (int j = off; j < off + d; j++) {
            double a = Math.abs(v[j]);
            acc = norm == Norm.LINF ? Math.max(acc, a) : norm == Norm.L2 ? acc + a * a : acc + a;
        }
        return norm == Norm.L2 ? Math.sqrt(acc) : acc;
    }

    private static double distance(Norm norm, float[] a, float[] b, int off, int d) {
        double acc = 0;
        for (int j = off; j < off + d; j++) {
            double v = Math.abs(a[j] - b[j]);
            acc = norm == Norm.LINF ? Math.max(acc, v) : norm == Norm.L2 ? acc + v * v : acc + v;
        }
        return norm == Norm.L2 ? Math.sqrt(acc) : acc;
    }
}
