package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.List;

/**
 * (a) The trilemma: the generalisation camp S1 keeps ID/OOD but has low Adv; the adversarial camp
 * S2 has higher Adv but loses ID and OOD. Camps are compared through their per-seed means.
 */
public final class TrilemmaClaim implements Claim {

    @Override
    public String id() {
        return "a-trilemma";
    }

    @Override
    public String title() {
        return "Trilemma: S1 methods have low Adv, S2 methods lose ID/OOD";
    }

    @Override
    public String paperStatement() {
        return "S1 (WiSE-FT, TPGM, SPD, FLYP) \"preserves ID/OOD but shows nearly 0% robustness\"; S2 (TeCoA, FARE, PMG-AFT)"
                + " \"enhances PGD robustness but leads to significant drops in ID/OOD performance\" (Background).";
    }

    @Override
    public String rule() {
        return "Per seed, each camp's value is the mean over its members run at that seed. Three paired differences must lie"
                + " above 0: Adv avg (S2 − S1), ID (S1 − S2), OOD avg (S1 − S2). Conjunction.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<String> s1 = Methods.S1;
        List<String> s2 = Methods.S2;
        return ClaimResult.conjunction(this, List.of(
                Comparisons.higher(runs, Quantity.ADV_AVG, s2, s1, Comparisons.paperDifference(paper, "table-6", "adv_avg", s2, s1)),
                Comparisons.higher(runs, Quantity.ID, s1, s2, Comparisons.paperDifference(paper, "table-6", "id", s1, s2)),
                Comparisons.higher(runs, Quantity.OOD_AVG, s1, s2, Comparisons.paperDifference(paper, "table-6", "ood_avg", s1, s2))));
    }
}
