package org.grace.bench.report;

/** The verdict on a claim of the paper, from our measurements (rule: {@link VerdictRule}). */
public enum Verdict {
    SUPPORTED("supported"),
    NOT_SUPPORTED("not supported"),
    INCONCLUSIVE("inconclusive");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The word used in tables and the README. */
    public String text() {
        return text;
    }

    /**
     * The verdict on a conjunction of sub-claims: not supported if any part is not supported,
     * supported if every part is supported, inconclusive otherwise (and when there are no parts).
     */
    public static Verdict allOf(java.util.Collection<Verdict> parts) {
        if (parts.isEmpty()) {
            return INCONCLUSIVE;
        }
        if (parts.contains(NOT_SUPPORTED)) {
            return NOT_SUPPORTED;
        }
        return parts.stream().allMatch(v -> v == SUPPORTED) ? SUPPORTED : INCONCLUSIVE;
    }
}
