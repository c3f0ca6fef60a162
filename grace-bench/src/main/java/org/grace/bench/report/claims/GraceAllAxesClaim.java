package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.List;

/** (b) GRACE improves all three axes: Adv over vanilla FT, ID and OOD over the S2 camp. */
public final class GraceAllAxesClaim implements Claim {

    @Override
    public String id() {
        return "b-all-axes";
    }

    @Override
    public String title() {
        return "GRACE improves all three axes (Adv vs vanilla FT, ID and OOD vs S2)";
    }

    @Override
    public String paperStatement() {
        return "\"it simultaneously improves all three axes (ID 74.2%, OOD 57.0%, Adversarial 22.4%)\"; \"Compared to vanilla FT,"
                + " PGD adversarial accuracy increases by 13.6% on average\" (Table 6).";
    }

    @Override
    public String rule() {
        return "Three paired differences must lie above 0: Adv avg (grace − ft), ID (grace − S2 camp), OOD avg (grace − S2 camp)."
                + " Conjunction.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<String> grace = List.of("grace");
        return ClaimResult.conjunction(this, List.of(
                Comparisons.higher(runs, Quantity.ADV_AVG, grace, List.of(Methods.VANILLA_FT),
                        Comparisons.paperDifference(paper, "table-6", "adv_avg", grace, List.of(Methods.VANILLA_FT))
                                + " (text: +13.6)"),
                Comparisons.higher(runs, Quantity.ID, grace, Methods.S2,
                        Comparisons.paperDifference(paper, "table-6", "id", grace, Methods.S2)),
                Comparisons.higher(runs, Quantity.OOD_AVG, grace, Methods.S2,
                        Comparisons.paperDifference(paper, "table-6", "ood_avg", grace, Methods.S2))));
    }
}
