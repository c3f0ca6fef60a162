package org.grace.bench.report;

/**
 * How a measured estimate becomes a verdict. Every comparison is paired by seed: for each seed run
 * by both sides, the difference (or the log of the ratio) is formed, and the 95% Student-t
 * interval of its mean over seeds ({@link MeanCi}) is compared with what the paper claims.
 *
 * <ul>
 *   <li>Directional claim ("A is higher than B"): supported when the whole interval lies on the
 *       claimed side of 0, not supported when it lies wholly on the opposite side, inconclusive
 *       when it contains 0.</li>
 *   <li>Approximate claim ("≈ ρ"): a tolerance band [lo, hi] around ρ is stated with the claim;
 *       supported when the interval lies inside the band, not supported when it lies wholly outside
 *       it, inconclusive when it straddles an edge.</li>
 *   <li>Fewer than two paired seeds: inconclusive (no interval exists).</li>
 * </ul>
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    /** Verdict on "the quantity is positive" ({@code positive = true}) or "negative". */
    public static Verdict directional(MeanCi estimate, boolean positive) {
        if (!estimate.hasInterval() || Double.isNaN(estimate.halfWidth())) {
            return Verdict.INCONCLUSIVE;
        }
        double claimedLo = positive ? estimate.lo() : -estimate.hi();
        double claimedHi = positive ? estimate.hi() : -estimate.lo();
        if (claimedLo > 0) {
            return Verdict.SUPPORTED;
        }
        if (claimedHi < 0) {
            return Verdict.NOT_SUPPORTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** Verdict on "the quantity lies in [lo, hi]". */
    public static Verdict within(MeanCi estimate, double lo, double hi) {
        return within(estimate.lo(), estimate.hi(), estimate.n(), lo, hi);
    }

    /** Verdict on "the quantity lies in [lo, hi]" for an interval [ciLo, ciHi] from n paired seeds. */
    public static Verdict within(double ciLo, double ciHi, int n, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("tolerance band needs lo <= hi, got [" + lo + ", " + hi + "]");
        }
        if (n < 2 || Double.isNaN(ciLo) || Double.isNaN(ciHi)) {
            return Verdict.INCONCLUSIVE;
        }
        if (ciLo >= lo && ciHi <= hi) {
            return Verdict.SUPPORTED;
        }
        if (ciHi < lo || ciLo > hi) {
            return Verdict.NOT_SUPPORTED;
        }
        return Verdict.INCONCLUSIVE;
    }
}
