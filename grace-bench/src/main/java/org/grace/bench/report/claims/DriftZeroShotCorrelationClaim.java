package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Correlation;
import org.grace.bench.report.Evidence;
import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** (f) Across methods, parameter drift and zero-shot transfer accuracy are negatively correlated. */
public final class DriftZeroShotCorrelationClaim implements Claim {

    /** Fewest methods for a Fisher-z interval. */
    public static final int MIN_METHODS = 4;

    @Override
    public String id() {
        return "f-drift-zero-shot";
    }

    @Override
    public String title() {
        return "Drift and zero-shot accuracy are negatively correlated";
    }

    @Override
    public String paperStatement() {
        return "TeCoA drift 0.47 with 38.75% zero-shot, WiSE-FT 0.08 with 60.40%; \"the Pearson correlation between drift and"
                + " zero-shot degradation reaches -0.82\"; GRACE drift 0.09.";
    }

    @Override
    public String rule() {
        return "One point per method (mean drift, mean zero-shot accuracy over seeds); Pearson r with a Fisher-z 95% interval"
                + " (needs >= " + MIN_METHODS + " methods, each run with >= 2 seeds as every verdict here requires). Supported when"
                + " the interval lies below 0, not supported when above 0, inconclusive otherwise.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        Correlation c = correlation(runs);
        int fewestSeeds = runs.methods().stream()
                .filter(m -> runs.estimate(m, Quantity.DRIFT).isPresent() && runs.estimate(m, Quantity.ZERO_SHOT).isPresent())
                .mapToInt(m -> Math.min(runs.estimate(m, Quantity.DRIFT).get().n(), runs.estimate(m, Quantity.ZERO_SHOT).get().n()))
                .min().orElse(0);
        Verdict verdict;
        if (c.k() < MIN_METHODS || Double.isNaN(c.lo()) || fewestSeeds < 2) {
            verdict = Verdict.INCONCLUSIVE;
        } else if (c.hi() < 0) {
            verdict = Verdict.SUPPORTED;
        } else if (c.lo() > 0) {
            verdict = Verdict.NOT_SUPPORTED;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        Evidence e = new Evidence("Pearson r(drift, zero-shot accuracy) over " + c.k() + " methods", c.r(), c.lo(), c.hi(),
                c.k(), paper.get("text.all.r_drift_zero_shot").printed(), verdict);
        return new ClaimResult(id(), title(), paperStatement(), rule(), List.of(e), verdict);
    }

    /** r over the methods that have both drift and zero-shot accuracy. */
    public static Correlation correlation(RunIndex runs) {
        List<double[]> points = new ArrayList<>();
        for (String m : runs.methods()) {
            Optional<MeanCi> drift = runs.estimate(m, Quantity.DRIFT);
            Optional<MeanCi> zs = runs.estimate(m, Quantity.ZERO_SHOT);
            if (drift.isPresent() && zs.isPresent()) {
                points.add(new double[] {drift.get().mean(), zs.get().mean()});
            }
        }
        return Correlation.pearson(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
