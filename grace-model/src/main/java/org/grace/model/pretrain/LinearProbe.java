package org.grace.model.pretrain;

/**
 * A ridge-regression linear probe on frozen features: how much of a label a representation
 * carries linearly, independently of any text head.
 *
 * <p>With features {@code x_i ∈ R^d} extended by a constant 1 and one-hot targets {@code y_i ∈
 * R^K}, the weights are {@code W = (XᵀX + λ n D)⁻¹ XᵀY}, where {@code D} is the identity with a 0 for
 * the bias (the bias is not shrunk); prediction is {@code argmax_k (x W)_k}. The normal equations
 * are solved by Cholesky factorisation (the matrix is symmetric positive definite for λ > 0).
 * Source: regularised least-squares classification (Rifkin, Yeo and Poggio 2003). Departure from
 * CLIP's paper, whose linear probes are L2-regularised logistic regression: the closed form needs
 * no iterations or tuning loop and ranks checkpoints the same way, at a few points lower accuracy.
 */
public final class LinearProbe {

    private final double[][] weights;
    private final int dim;

    private LinearProbe(double[][] weights, int dim) {
        this.weights = weights;
        this.dim = dim;
    }

    /** Fits the probe to {@code features[i]} with labels in {@code [0, classes)}, ridge strength {@code lambda}. */
    public static LinearProbe fit(double[][] features, int[] labels, int classes, double lambda) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as feature rows (≥ 1), got " + features.length
                    + " rows and " + labels.length + " labels");
        }
        if (!(lambda > 0) || classes < 2) {
            throw new IllegalArgumentException("need lambda > 0 and ≥ 2 classes, got lambda " + lambda + ", classes "
                    + classes);
        }
        int d = features[0].length;
        int n = d + 1;
        double[][] a = new double[n][n];
        double[][] b = new double[n][classes];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("feature row " + i + " has length " + features[i].length
                        + ", expected " + d);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " outside [0, " + classes
                        + ")");
            }
            double[] x = extended(features[i]);
            for (int p = 0; p < n; p++) {
                for (int q = 0; q <= p; q++) {
                    a[p][q] += x[p] * x[q];
                }
                b[p][labels[i]] += x[p];
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                a[p][q] = a[q][p];
            }
        }
        for (int p = 0; p < d; p++) {
            a[p][p] += lambda * features.length;
        }
        return new LinearProbe(choleskySolve(a, b), d);
    }

    /** The predicted class of {@code feature}. */
    public int predict(double[] feature) {
        if (feature.length != dim) {
            throw new IllegalArgumentException("feature has length " + feature.length + ", the probe expects " + dim);
        }
        double[] x = extended(feature);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights[0].length; k++) {
            double s = 0;
            for (int p = 0; p < x.length; p++) {
                s += x[p] * weights[p][k];
            }
            if (s > bestScore) {
                bestScore = s;
                best = k;
            }
        }
        return best;
    }

    /** Fraction of {@code features[i]} predicted as {@code labels[i]}. */
    public double accuracy(double[][] features, int[] labels) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as feature rows (≥ 1), got " + features.length
                    + " rows and " + labels.length + " labels");
        }
        int correct = 0;
        for (int i = 0; i < features.length; i++) {
            correct += predict(features[i]) == labels[i] ? 1 : 0;
        }
        return (double) correct / features.length;
    }

    private static double[] extended(double[] feature) {
        double[] x = new double[feature.length + 1];
        System.arraycopy(feature, 0, x, 0, feature.length);
        x[feature.length] = 1;
        return x;
    }

    /** Solves {@code A X = B} for symmetric positive definite {@code A}. */
    private static double[][] choleskySolve(double[][] a, double[][] b) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("probe normal equations are not positive definite at pivot " + i
                                + " (constant or duplicated features without ridge?)");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        int m = b[0].length;
        double[][] x = new double[n][m];
        for (int c = 0; c < m; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * y[k];
                }
                y[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * x[k][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }
}
