package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.RunIndex;

import java.util.List;

/** The claims the report judges, in README order (a to i). */
public final class Claims {

    private Claims() {
    }

    /** Every claim. */
    public static List<Claim> all() {
        return List.of(new TrilemmaClaim(), new GraceAllAxesClaim(), new BestHarmonicMeanClaim(),
                new AblationComplementarityClaim(), new CurriculumClaim(), new DriftZeroShotCorrelationClaim(),
                new SharpnessHalvedClaim(), new CostRatioClaim(), new FailureModePredictionClaim());
    }

    /** Every claim judged on the records. */
    public static List<ClaimResult> evaluateAll(RunIndex runs, PaperNumbers paper) {
        return all().stream().map(c -> c.evaluate(runs, paper)).toList();
    }
}
