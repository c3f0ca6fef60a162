package org.grace.bench.report;

/**
 * Pearson's correlation with a Fisher-z confidence interval.
 *
 * <p>r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²). Interval: z = atanh r, z ± z_{0.975}/√(k − 3),
 * mapped back with tanh (Fisher 1921); it needs k ≥ 4 points, and assumes the points are
 * independent draws of a bivariate normal, which a handful of methods only approximates.
 *
 * @param r  the correlation (NaN when undefined: fewer than 2 points or a constant coordinate)
 * @param lo lower end of the 95% interval (NaN when k < 4)
 * @param hi upper end of the 95% interval (NaN when k < 4)
 * @param k  number of points
 */
public record Correlation(double r, double lo, double hi, int k) {

    private static final double Z_975 = 1.959963984540054;

    /** r and its interval for the paired values x[i], y[i]. */
    public static Correlation pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("correlation needs as many x as y values, got " + x.length + " and " + y.length);
        }
        int k = x.length;
        if (k < 2) {
            return new Correlation(Double.NaN, Double.NaN, Double.NaN, k);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < k; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return new Correlation(Double.NaN, Double.NaN, Double.NaN, k);
        }
        double r = Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
        if (k < 4) {
            return new Correlation(r, Double.NaN, Double.NaN, k);
        }
        // atanh(±1) is infinite; pull r in by a hair so a perfect fit gives a degenerate, finite interval.
        double z = atanh(Math.max(-1 + 1e-12, Math.min(1 - 1e-12, r)));
        double se = 1.0 / Math.sqrt(k - 3);
        return new Correlation(r, Math.tanh(z - Z_975 * se), Math.tanh(z + Z_975 * se), k);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
