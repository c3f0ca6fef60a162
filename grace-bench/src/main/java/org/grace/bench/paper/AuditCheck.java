package org.grace.bench.paper;

import java.util.List;

/**
 * One recomputation of a number the paper derives from other printed numbers.
 *
 * @param id         stable key of the check (e.g. {@code hm.table-7.lora-tecoa})
 * @param statement  what is recomputed, in words
 * @param inputs     ids of the {@link PaperNumber}s used
 * @param printed    the number as the paper prints it
 * @param recomputed the value recomputed from the printed parts (NaN when unchecked)
 * @param range      every value the recomputation may take when each part is anywhere within its rounding
 *                   (a point when the parts are exact)
 * @param status     consistent when {@code range} meets the printed number's own rounding interval
 * @param note       what the mismatch means, or why a check cannot be made
 */
public record AuditCheck(String id, String statement, List<String> inputs, String printed, double recomputed,
                         Interval range, AuditStatus status, String note) {

    public AuditCheck {
        inputs = List.copyOf(inputs);
    }
}
