package org.grace.bench.report.claims;

import org.grace.bench.report.Evidence;
import org.grace.bench.report.Verdict;

import java.util.List;

/**
 * A judged claim.
 *
 * @param id        the claim's id
 * @param title     the claim in a few words
 * @param paper     what the paper says
 * @param rule      how the verdict was reached
 * @param evidence  every comparison made, with its own verdict
 * @param verdict   the verdict on the whole claim
 */
public record ClaimResult(String id, String title, String paper, String rule, List<Evidence> evidence, Verdict verdict) {

    public ClaimResult {
        evidence = List.copyOf(evidence);
    }

    /** The result of {@code claim} whose verdict is the conjunction of its parts' verdicts. */
    public static ClaimResult conjunction(Claim claim, List<Evidence> evidence) {
        return new ClaimResult(claim.id(), claim.title(), claim.paperStatement(), claim.rule(), evidence,
                Verdict.allOf(evidence.stream().map(Evidence::verdict).toList()));
    }
}
