package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.List;

/** (g) GRACE's top Hessian eigenvalue is about half that of unregularised finetuning. */
public final class SharpnessHalvedClaim implements Claim {

    /** The paper's "half". */
    public static final double CLAIMED_RATIO = 0.5;

    @Override
    public String id() {
        return "g-lambda-max-half";
    }

    @Override
    public String title() {
        return "GRACE's λ_max is about half that of unregularised methods";
    }

    @Override
    public String paperStatement() {
        return "\"GRACE observes lambda_max=1.6x10^3, half that of unregularized methods\"; WiSE-FT has 3.3x10^3.";
    }

    @Override
    public String rule() {
        return "Per seed, λ_max(grace) / mean λ_max of the unregularised methods run (" + String.join(", ", Methods.UNREGULARISED)
                + "); geometric mean over seeds with a t interval on the log scale. Supported when the interval lies inside"
                + " [0.5/1.25, 0.5·1.25] = [0.4, 0.625], not supported when wholly outside it.";
    }

    @Override
    public ClaimResult evaluate(RunIndex runs, PaperNumbers paper) {
        double paperRatio = paper.get("text.grace.lambda_max").value() / paper.get("text.wise-ft.lambda_max").value();
        return ClaimResult.conjunction(this, List.of(Comparisons.ratioNear(runs, Quantity.LAMBDA_MAX, List.of("grace"),
                Methods.UNREGULARISED, CLAIMED_RATIO, String.format(java.util.Locale.ROOT, "%.3f (1.6e3 / 3.3e3)", paperRatio))));
    }
}
