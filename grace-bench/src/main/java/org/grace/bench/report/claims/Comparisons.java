package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumber;
import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Evidence;
import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Measure;
import org.grace.bench.report.Paired;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.VerdictRule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The two kinds of comparison claims are made of, each paired by seed: "side a is higher than side
 * b" (a directional difference) and "a / b ≈ ρ" (a ratio within a tolerance band). A side is a
 * method or a camp (per-seed mean over its members, {@link RunIndex#groupPerSeed}).
 */
public final class Comparisons {

    /**
     * The tolerance of every "≈ ρ" claim: the band [ρ/1.25, 1.25·ρ], symmetric on the log scale
     * (±22% in log units). It is fixed here, before looking at any result.
     */
    public static final double RATIO_TOLERANCE = 1.25;

    private Comparisons() {
    }

    /** "a − b > 0" for measure m, paired by seed; the paper's value of the same difference beside it. */
    public static Evidence higher(RunIndex runs, Measure m, List<String> a, List<String> b, String paper) {
        String what = m.label() + ": " + name(a) + " − " + name(b) + (m.percent() ? " (pp)" : "");
        Optional<MeanCi> d = Paired.difference(runs.groupPerSeed(a, m), runs.groupPerSeed(b, m));
        return d.map(ci -> Evidence.of(what, ci, paper, VerdictRule.directional(ci, true)))
                .orElseGet(() -> Evidence.missing(what, paper));
    }

    /** "a / b ≈ claimed" for measure m: the geometric-mean ratio over paired seeds and its interval. */
    public static Evidence ratioNear(RunIndex runs, Measure m, List<String> a, List<String> b, double claimed, String paper) {
        double lo = claimed / RATIO_TOLERANCE;
        double hi = claimed * RATIO_TOLERANCE;
        String what = String.format(Locale.ROOT, "%s ratio %s / %s, band [%.3g, %.3g]", m.label(), name(a), name(b), lo, hi);
        Optional<MeanCi> log = Paired.logRatio(runs.groupPerSeed(a, m), runs.groupPerSeed(b, m));
        if (log.isEmpty()) {
            return Evidence.missing(what, paper);
        }
        MeanCi ci = log.get();
        double ciLo = ci.hasInterval() ? Math.exp(ci.lo()) : Double.NaN;
        double ciHi = ci.hasInterval() ? Math.exp(ci.hi()) : Double.NaN;
        return new Evidence(what, Math.exp(ci.mean()), ciLo, ciHi, ci.n(), paper, VerdictRule.within(ciLo, ciHi, ci.n(), lo, hi));
    }

    /**
     * The paper's difference of quantity {@code quantity} between two sides in {@code table}, a side's
     * value being the mean of its members the table prints; "–" when a side has none.
     */
    public static String paperDifference(PaperNumbers paper, String table, String quantity, List<String> a, List<String> b) {
        OptionalDouble va = paperMean(paper, table, quantity, a);
        OptionalDouble vb = paperMean(paper, table, quantity, b);
        return va.isPresent() && vb.isPresent() ? signed(va.getAsDouble() - vb.getAsDouble()) : "–";
    }

    /** The mean of the printed values of the members, if the table prints any. */
    public static OptionalDouble paperMean(PaperNumbers paper, String table, String quantity, List<String> members) {
        return members.stream().map(m -> paper.find(table, m, quantity)).flatMap(Optional::stream)
                .mapToDouble(PaperNumber::value).average();
    }

    /** "+1.50" or "-0.32". */
    public static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String name(List<String> side) {
        return side.size() == 1 ? side.get(0) : "mean" + side;
    }
}
