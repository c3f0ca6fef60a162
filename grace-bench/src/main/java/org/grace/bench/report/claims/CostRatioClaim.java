package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.List;

/** (h) Training cost: GRACE ≈ 5× vanilla FT, adversarial training ≈ 7×, so GRACE ≈ 1.4× faster than AT. */
public final class CostRatioClaim implements Claim {

    @Override
    public String id() {
        return "h-cost";
    }

    @Override
    public String title() {
        return "Cost: GRACE ≈ 5× FT, adversarial training ≈ 7× FT, GRACE ≈ 1.4× faster than AT";
    }

    @Override
    public String paperStatement() {
        return "\"while GRACE costs ~5x vanilla training, it is 1.4x faster than standard adversarial training (~7x)\".";
    }

    @Override
    public String rule() {
        return "Training wall time (train.wall_s) ratios per seed, geometric mean with a t interval on the log scale, each against"
                + " the band [ρ/1.25, 1.25·ρ]: grace/ft ≈ 5, " + Methods.STANDARD_AT + "/ft ≈ 7 (standard adversarial training = "
                + Methods.STANDARD_AT + "), " + Methods.STANDARD_AT + "/grace ≈ 1.4. Conjunction.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<String> grace = List.of("grace");
        List<String> ft = List.of(Methods.VANILLA_FT);
        List<String> at = List.of(Methods.STANDARD_AT);
        return ClaimResult.conjunction(this, List.of(
                Comparisons.ratioNear(runs, Quantity.WALL_S, grace, ft, paper.get("text.grace.cost_ratio_vs_ft").value(),
                        paper.get("text.grace.cost_ratio_vs_ft").printed()),
                Comparisons.ratioNear(runs, Quantity.WALL_S, at, ft, paper.get("text.tecoa.cost_ratio_vs_ft").value(),
                        paper.get("text.tecoa.cost_ratio_vs_ft").printed()),
                Comparisons.ratioNear(runs, Quantity.WALL_S, at, grace, paper.get("text.grace.speedup_vs_at").value(),
                        paper.get("text.grace.speedup_vs_at").printed())));
    }
}
