package org.grace.bench.report;

import java.util.Collection;
import java.util.Locale;

/**
 * The mean of a quantity over seeds with its two-sided 95% confidence interval:
 * mean ± t_{0.975, n−1}·s/√n, s the sample standard deviation (n − 1 in the denominator).
 * With one seed there is no interval ({@link #halfWidth()} is NaN) and the text says so.
 *
 * @param mean      the mean x̄
 * @param halfWidth t_{0.975, n−1}·s/√n, NaN when n = 1
 * @param n         number of values (seeds)
 */
public record MeanCi(double mean, double halfWidth, int n) {

    /** Confidence level of every interval in the report. */
    public static final double LEVEL = 0.95;

    public MeanCi {
        if (n < 1) {
            throw new IllegalArgumentException("a mean needs at least one value, got n = " + n);
        }
    }

    /** Mean and 95% CI of the values. @throws IllegalArgumentException if there are none */
    public static MeanCi of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Mean and 95% CI of the values. @throws IllegalArgumentException if there are none */
    public static MeanCi of(double... values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values to average");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new MeanCi(mean, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new MeanCi(mean, StudentT.twoSidedQuantile(LEVEL, n - 1) * sd / Math.sqrt(n), n);
    }

    /** Lower end of the interval (the mean itself when n = 1). */
    public double lo() {
        return hasInterval() ? mean - halfWidth : mean;
    }

    /** Upper end of the interval (the mean itself when n = 1). */
    public double hi() {
        return hasInterval() ? mean + halfWidth : mean;
    }

    /** Whether there is an interval (n ≥ 2). */
    public boolean hasInterval() {
        return n >= 2;
    }

    /** The same estimate multiplied by {@code factor} (e.g. 100 for percent). */
    public MeanCi scaled(double factor) {
        return new MeanCi(mean * factor, halfWidth * Math.abs(factor), n);
    }

    /** "74.21 ± 0.35" or, with one seed (no interval), "74.21 (1 seed)". */
    public String format(int decimals) {
        String m = String.format(Locale.ROOT, "%." + decimals + "f", mean);
        return hasInterval() ? m + " ± " + String.format(Locale.ROOT, "%." + decimals + "f", halfWidth) : m + " (1 seed)";
    }
}
