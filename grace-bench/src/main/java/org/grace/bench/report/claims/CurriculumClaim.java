package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.List;

/** (e) The curvature curriculum raises both Adv and OOD over uniform LAR-AWP. */
public final class CurriculumClaim implements Claim {

    @Override
    public String id() {
        return "e-curriculum";
    }

    @Override
    public String title() {
        return "Curvature curriculum raises Adv and OOD";
    }

    @Override
    public String paperStatement() {
        return "\"Without the curriculum, LAR-AWP achieves 17.2% Adv and 53.0% OOD; with it, Adv rises to 22.2% and OOD to 54.0%\".";
    }

    @Override
    public String rule() {
        return "Paired differences grace-awp-curr − grace-awp-nocurr on Adv avg and on OOD avg must both lie above 0. Conjunction.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<String> curr = List.of("grace-awp-curr");
        List<String> nocurr = List.of("grace-awp-nocurr");
        return ClaimResult.conjunction(this, List.of(
                Comparisons.higher(runs, Quantity.ADV_AVG, curr, nocurr,
                        Comparisons.paperDifference(paper, "table-8", "adv_avg", curr, nocurr)),
                Comparisons.higher(runs, Quantity.OOD_AVG, curr, nocurr,
                        Comparisons.paperDifference(paper, "table-8", "ood_avg", curr, nocurr))));
    }
}
