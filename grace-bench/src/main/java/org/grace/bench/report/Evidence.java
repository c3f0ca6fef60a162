package org.grace.bench.report;

import java.util.Locale;

/**
 * One measured comparison behind a claim: what was compared, our estimate with its 95% interval,
 * the paper's corresponding number and the verdict on this part.
 *
 * @param what    the comparison in words (e.g. "Adv avg: grace − ft (pp)")
 * @param mean    our estimate (a mean difference, a geometric-mean ratio or a correlation)
 * @param lo      lower end of its 95% interval (NaN when there is none)
 * @param hi      upper end of its 95% interval (NaN when there is none)
 * @param n       number of paired seeds (or of methods, for a correlation)
 * @param paper   the paper's value for the same comparison, or "–"
 * @param verdict verdict on this part
 */
public record Evidence(String what, double mean, double lo, double hi, int n, String paper, Verdict verdict) {

    /** A part with no data: inconclusive. */
    public static Evidence missing(String what, String paper) {
        return new Evidence(what, Double.NaN, Double.NaN, Double.NaN, 0, paper, Verdict.INCONCLUSIVE);
    }

    /** From an arithmetic mean and its Student-t interval. */
    public static Evidence of(String what, MeanCi estimate, String paper, Verdict verdict) {
        return new Evidence(what, estimate.mean(), estimate.hasInterval() ? estimate.lo() : Double.NaN,
                estimate.hasInterval() ? estimate.hi() : Double.NaN, estimate.n(), paper, verdict);
    }

    /** "+1.23 [0.50, 1.96] (n = 3)", "1.23 (n = 1, no CI)" or "no data". */
    public String measured() {
        if (n == 0 || Double.isNaN(mean)) {
            return "no data";
        }
        String m = String.format(Locale.ROOT, "%.3g", mean);
        if (Double.isNaN(lo)) {
            return m + " (n = " + n + ", no CI)";
        }
        return String.format(Locale.ROOT, "%s [%.3g, %.3g] (n = %d)", m, lo, hi, n);
    }
}
