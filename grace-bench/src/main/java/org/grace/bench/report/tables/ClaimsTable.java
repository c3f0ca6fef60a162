package org.grace.bench.report.tables;

import org.grace.bench.report.Evidence;
import org.grace.bench.report.claims.ClaimResult;

import java.util.ArrayList;
import java.util.List;

/** Every claim's comparisons with our estimate, the paper's value and the verdicts. */
public final class ClaimsTable {

    private ClaimsTable() {
    }

    public static Table build(List<ClaimResult> results) {
        List<Column> columns = List.of(Column.plain("claim", "claim"), Column.plain("claim_verdict", "claim verdict"),
                Column.plain("comparison", "comparison"), Column.plain("mean", "ours"), Column.plain("ci_lo", "95% lo"),
                Column.plain("ci_hi", "95% hi"), Column.plain("n", "n"), Column.plain("paper", "paper"),
                Column.plain("verdict", "part verdict"));
        List<List<Cell>> rows = new ArrayList<>();
        for (ClaimResult r : results) {
            for (Evidence e : r.evidence()) {
                rows.add(List.of(Cell.text(r.id()), Cell.text(r.verdict().text()), Cell.text(e.what()), Cell.number(e.mean(), -1),
                        Cell.number(e.lo(), -1), Cell.number(e.hi(), -1), Cell.number(e.n(), 0), Cell.text(e.paper()),
                        Cell.text(e.verdict().text())));
            }
        }
        return new Table("claims", "Claims: every comparison and its verdict", columns, rows, List.of(
                "Differences in percentage points (pp) or ratios; the interval is the 95% Student-t interval over paired seeds"
                        + " (Fisher z over methods for the correlation)."));
    }
}
