package org.grace.bench.paper;

/** Outcome of one {@link AuditCheck}. */
public enum AuditStatus {
    /** The printed number is what its parts give, within rounding. */
    CONSISTENT,
    /** The printed number differs from its recomputation by more than rounding can explain. */
    MISMATCH,
    /** The paper does not print the parts needed to recompute it. */
    UNCHECKABLE
}
