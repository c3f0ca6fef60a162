package org.grace.model.grace;

import ai.djl.ndarray.NDArray;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-layer curvature score for LAR-AWP: an exponential moving average of the diagonal
 * Hessian estimate {@code h ≈ n·g⊙g}, summarised per layer by its mean,
 * <pre>  s_l ← β·s_l + (1−β)·mean(n·g_l⊙g_l)</pre>
 * where {@code g_l} is the gradient of the mean cross-entropy over a batch of {@code n} images with
 * respect to layer l's effective weight {@code W₀ + ΔW} (open choices 1–3 in
 * {@code reference/baselines.md}).
 *
 * <p>Two estimators, chosen by {@link Kind}: {@link Kind#TRUE_LABEL} differentiates the loss on the
 * true labels, which is the paper's wording and makes {@code h} the empirical Fisher;
 * {@link Kind#SAMPLED_LABEL} differentiates it on labels drawn from the model's own softmax, Sophia's
 * Gauss–Newton–Bartlett estimator (Liu et al. 2023, {@code sophia.py}), an unbiased estimate of the
 * Gauss–Newton diagonal. The first update initialises the average (no zero-start bias).
 */
public final class CurvatureEstimator {

    /** Which labels the curvature gradient is taken on. */
    public enum Kind {
        /** The data's labels: empirical Fisher, as the paper describes h ≈ n·g⊙g. */
        TRUE_LABEL,
        /** Labels sampled from softmax(logits): Sophia's GNB estimator. */
        SAMPLED_LABEL
    }

    private final Kind kind;
    private final double beta;
    private final Map<String, Double> scores = new LinkedHashMap<>();

    /**
     * @param beta EMA decay in [0,1); Sophia's β₂ = 0.99
     */
    public CurvatureEstimator(Kind kind, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("curvature EMA beta must lie in [0,1), was " + beta);
        }
        this.kind = kind;
        this.beta = beta;
    }

    /**
     * Folds one batch's gradients into the averages.
     *
     * @param gradients layer name → gradient of the mean loss w.r.t. that layer's effective weight
     * @param batchSize n, the number of images the loss averaged over
     */
    public void update(Map<String, NDArray> gradients, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        for (Map.Entry<String, NDArray> e : gradients.entrySet()) {
            NDArray g = e.getValue();
            double mean = g.square().mean().getFloat() * (double) batchSize;
            if (!Double.isFinite(mean)) {
                throw new IllegalArgumentException("curvature of layer " + e.getKey() + " is not finite");
            }
            scores.merge(e.getKey(), mean, (old, now) -> beta * old + (1 - beta) * now);
        }
    }

    /**
     * Labels for the curvature pass: the true labels, or one draw per row from softmax(logits)
     * for {@link Kind#SAMPLED_LABEL}, using the given random stream.
     */
    public int[] labels(float[] logits, int numClasses, int[] trueLabels, SplittableRandom rng) {
        if (kind == Kind.TRUE_LABEL) {
            return trueLabels.clone();
        }
        int rows = logits.length / numClasses;
        int[] sampled = new int[rows];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < numClasses; c++) {
                max = Math.max(max, logits[r * numClasses + c]);
            }
            double total = 0;
            double[] p = new double[numClasses];
            for (int c = 0; c < numClasses; c++) {
                p[c] = Math.exp(logits[r * numClasses + c] - max);
                total += p[c];
            }
            double u = rng.nextDouble() * total;
            int c = 0;
            while (c < numClasses - 1 && u >= p[c]) {
                u -= p[c];
                c++;
            }
            sampled[r] = c;
        }
        return sampled;
    }

    /** Current score per layer, in first-seen order. */
    public Map<String, Double> scores() {
        return java.util.Collections.unmodifiableMap(scores);
    }

    public Kind kind() {
        return kind;
    }

    /** Restores scores saved from {@link #scores()} (for resuming training). */
    public void restore(Map<String, Double> saved) {
        scores.clear();
        scores.putAll(saved);
    }
}
