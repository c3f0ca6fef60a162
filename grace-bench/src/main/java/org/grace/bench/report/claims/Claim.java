package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.RunIndex;

/** One claim of the paper and the exact rule by which our records support it or not. */
public interface Claim {

    /** Short stable id, e.g. {@code c-best-hm}. */
    String id();

    /** The claim in a few words. */
    String title();

    /** What the paper says, quoted or paraphrased with its numbers. */
    String paperStatement();

    /** The comparisons made and how they combine into a verdict. */
    String rule();

    /** Judges the claim on the records. */
    ClaimResult evaluate(RunIndex runs, PaperNumbers paper);
}
