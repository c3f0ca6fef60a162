package org.grace.bench.report;

import org.grace.bench.paper.AuditCheck;
import org.grace.bench.report.claims.ClaimResult;
import org.grace.bench.report.tables.Table;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter} wrote and concluded, so callers and tests can inspect it without
 * re-reading the files.
 *
 * @param files   every file written
 * @param tables  the result tables
 * @param figures ids of the figures drawn
 * @param claims  the judged claims
 * @param audit   the paper audit
 */
public record ReportSummary(List<Path> files, List<Table> tables, List<String> figures, List<ClaimResult> claims,
                            List<AuditCheck> audit) {

    public ReportSummary {
        files = List.copyOf(files);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        claims = List.copyOf(claims);
        audit = List.copyOf(audit);
    }
}
