package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Evidence;
import org.grace.bench.report.FailureModes;
import org.grace.bench.report.MeanCi;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.VerdictRule;
import org.grace.theory.bound.FailureMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * (i) The bound predicts the failure modes: a method that lacks control of a term leaves that term
 * large (S1 methods sharpness, S2 methods prior proximity, GRACE none).
 */
public final class FailureModePredictionClaim implements Claim {

    /** Agreement the claim must beat: more predictions right than wrong. */
    public static final double MAJORITY = 0.5;

    @Override
    public String id() {
        return "i-failure-modes";
    }

    @Override
    public String title() {
        return "The bound's terms predict each method's failure mode";
    }

    @Override
    public String paperStatement() {
        return "\"lacking (A) leads to deviation from the pre-trained manifold and zero-shot degradation; lacking (B) leads to sharp"
                + " minima and adversarial vulnerability; lacking (C) leads to unstable features and OOD degradation\";"
                + " \"Empirical verification in Tables 1/4 confirms these predictions\".";
    }

    @Override
    public String rule() {
        return "Per seed, every method's bound terms are moved to one common σ and grace-theory's FailureModeClassifier names the"
                + " term with the largest excess over the best method (none if the excess is <= "
                + FailureModes.RELATIVE_THRESHOLD + " of the bound). The per-seed agreement rate with the paper's stated"
                + " predictions (grace-theory paper-failure-modes.tsv, basis 'stated'; inferred rows are shown but not scored)"
                + " minus " + MAJORITY + " must have its 95% interval above 0; below 0 is not supported.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        List<Double> rates = new ArrayList<>();
        for (Map.Entry<Integer, List<FailureMode>> seed : FailureModes.perSeed(runs).entrySet()) {
            int scored = 0;
            int agreed = 0;
            for (FailureMode mode : seed.getValue()) {
                if (mode.prediction().isPresent() && mode.prediction().get().basis().equals("stated")) {
                    scored++;
                    agreed += mode.agreesWithPaper().orElse(false) ? 1 : 0;
                }
            }
            if (scored > 0) {
                rates.add((double) agreed / scored - MAJORITY);
            }
        }
        String what = "agreement rate with stated predictions − " + MAJORITY;
        Evidence e = rates.isEmpty() ? Evidence.missing(what, "all confirmed")
                : Evidence.of(what, MeanCi.of(rates), "all confirmed", VerdictRule.directional(MeanCi.of(rates), true));
        return ClaimResult.conjunction(this, List.of(e));
    }
}
