package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Evidence;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.ArrayList;
import java.util.List;

/** (d) Table 8: GV raises OOD, LAR-AWP raises Adv, and only the full combination is best on HM. */
public final class AblationComplementarityClaim implements Claim {

    @Override
    public String id() {
        return "d-ablation";
    }

    @Override
    public String title() {
        return "Ablation: GV raises OOD, LAR-AWP raises Adv, full GRACE has the best HM";
    }

    @Override
    public String paperStatement() {
        return "Table 8: \"GV primarily improves OOD (+1.5%)\", LAR-AWP \"Adv increases (+8.6%)\", \"Modules are complementary\""
                + " (GRACE HM 39.6 vs 38.7 for LAR-AWP with curriculum).";
    }

    @Override
    public String rule() {
        return "Paired differences that must lie above 0: OOD avg (grace-gv-only − lora-ft); Adv avg (grace-awp-nocurr − lora-ft);"
                + " Adv avg (grace-awp-curr − lora-ft); HM (grace − each other Table 8 row). Conjunction.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<String> lora = List.of("lora-ft");
        List<Evidence> parts = new ArrayList<>();
        parts.add(Comparisons.higher(runs, Quantity.OOD_AVG, List.of("grace-gv-only"), lora,
                Comparisons.paperDifference(paper, "table-8", "ood_avg", List.of("grace-gv-only"), lora) + " (text: +1.5)"));
        for (String awp : List.of("grace-awp-nocurr", "grace-awp-curr")) {
            parts.add(Comparisons.higher(runs, Quantity.ADV_AVG, List.of(awp), lora,
                    Comparisons.paperDifference(paper, "table-8", "adv_avg", List.of(awp), lora)
                            + (awp.equals("grace-awp-nocurr") ? " (text: +8.6)" : "")));
        }
        for (String m : Methods.TABLE_8) {
            if (!m.equals("grace")) {
                parts.add(Comparisons.higher(runs, Quantity.HM, List.of("grace"), List.of(m),
                        Comparisons.paperDifference(paper, "table-8", "hm", List.of("grace"), List.of(m))));
            }
        }
        return ClaimResult.conjunction(this, parts);
    }
}
