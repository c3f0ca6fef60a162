package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Evidence;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.ArrayList;
import java.util.List;

/** (c) GRACE has the best harmonic mean among all compared methods (Tables 6 and 7). */
public final class BestHarmonicMeanClaim implements Claim {

    @Override
    public String id() {
        return "c-best-hm";
    }

    @Override
    public String title() {
        return "GRACE has the best harmonic mean";
    }

    @Override
    public String paperStatement() {
        return "GRACE's HM 39.69 is the highest of Table 6 (PMG-AFT 32.85 next) and 39.6 the highest of Table 7"
                + " (VPT-PMG-AFT 38.6 next): \"GRACE still achieves the best overall performance\".";
    }

    @Override
    public String rule() {
        return "For every other method run (GRACE's own ablations excepted: claim d), the paired difference HM(grace) − HM(method)"
                + " must lie above 0. Conjunction over methods.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<Evidence> parts = new ArrayList<>();
        for (String m : runs.methods()) {
            if (Methods.GRACE_FAMILY.contains(m)) {
                continue;
            }
            String table = paper.find("table-6", m, "hm").isPresent() ? "table-6" : "table-7";
            parts.add(Comparisons.higher(runs, Quantity.HM, List.of("grace"), List.of(m),
                    Comparisons.paperDifference(paper, table, "hm", List.of("grace"), List.of(m))));
        }
        if (!runs.has("grace")) {
            parts.add(Evidence.missing("HM: grace was not run", "–"));
        }
        return ClaimResult.conjunction(this, parts);
    }
}
