package org.grace.theory.discrepancy;

/**
 * Sample moments of one class in one domain: count n, mean μ̂, the unbiased covariance
 * Σ̂ = X̃ᵀX̃/(n − 1) of the centred rows X̃ = X − 1μ̂ᵀ, and tr(Σ̂).
 *
 * <p>Why the D×D covariance is formed instead of using Gram-matrix identities
 * (‖Σ̂_s − Σ̂_t‖_F² = ‖Σ̂_s‖² + ‖Σ̂_t‖² − 2⟨Σ̂_s, Σ̂_t⟩, cheaper when n &lt; D): that difference
 * cancels catastrophically when the covariances are close, and the square root then turns a
 * 1e-16 relative error into 1e-8; subtracting entrywise keeps the error at rounding level.
 * Cost O(n D²) per class.
 */
final class ClassMoments {

    final int count;
    final double[] mean;
    final double[][] covariance;
    final double trace;

    private ClassMoments(int count, double[] mean, double[][] covariance, double trace) {
        this.count = count;
        this.mean = mean;
        this.covariance = covariance;
        this.trace = trace;
    }

    /** Moments of rows {@code rows} of {@code set}; needs at least two rows (unbiased covariance). */
    static ClassMoments of(FeatureSet set, int label, int[] rows) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("class " + label + " has " + rows.length + " sample in feature set '"
                    + set.name() + "'; a class covariance needs at least 2 samples");
        }
        int d = set.dimension();
        double[] mean = new double[d];
        for (int r : rows) {
            double[] x = set.features()[r];
            for (int j = 0; j < d; j++) {
                mean[j] += x[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (int r : rows) {
            double[] x = set.features()[r];
            for (int j = 0; j < d; j++) {
                centred[j] = x[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] row = covariance[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        double trace = 0.0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                covariance[a][b] /= rows.length - 1;
                covariance[b][a] = covariance[a][b];
            }
            trace += covariance[a][a];
        }
        return new ClassMoments(rows.length, mean, covariance, trace);
    }

    /** ‖Σ̂_a − Σ̂_b‖_F. */
    static double covarianceDistance(ClassMoments a, ClassMoments b) {
        double s = 0.0;
        for (int i = 0; i < a.covariance.length; i++) {
            for (int j = 0; j < a.covariance.length; j++) {
                double diff = a.covariance[i][j] - b.covariance[i][j];
                s += diff * diff;
            }
        }
        return Math.sqrt(s);
    }
}
