package org.grace.bench.report.tables;

import org.grace.bench.paper.AuditCheck;
import org.grace.bench.paper.AuditStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The paper audit ({@link org.grace.bench.paper.PaperAudit}) as a table, mismatches first. */
public final class PaperAuditTable {

    private PaperAuditTable() {
    }

    public static Table build(List<AuditCheck> checks) {
        List<Column> columns = List.of(Column.plain("check", "check"), Column.plain("statement", "statement"),
                Column.plain("printed", "printed"), Column.plain("recomputed", "recomputed"),
                Column.plain("range_lo", "range lo"), Column.plain("range_hi", "range hi"), Column.plain("status", "status"),
                Column.plain("note", "note"));
        List<AuditCheck> ordered = new ArrayList<>(checks);
        ordered.sort((a, b) -> Integer.compare(a.status().ordinal() == 1 ? 0 : 1, b.status().ordinal() == 1 ? 0 : 1));
        List<List<Cell>> rows = new ArrayList<>();
        for (AuditCheck c : ordered) {
            boolean checked = c.status() != AuditStatus.UNCHECKABLE;
            rows.add(List.of(Cell.text(c.id()), Cell.text(c.statement()), Cell.text(c.printed()),
                    checked ? Cell.number(c.recomputed(), 3) : Cell.missing(),
                    checked ? Cell.number(c.range().lo(), 3) : Cell.missing(),
                    checked ? Cell.number(c.range().hi(), 3) : Cell.missing(),
                    Cell.text(c.status().name().toLowerCase(Locale.ROOT)), c.note().isEmpty() ? Cell.missing() : Cell.text(c.note())));
        }
        long mismatches = checks.stream().filter(c -> c.status() == AuditStatus.MISMATCH).count();
        return new Table("paper-audit", "Paper audit: derived numbers recomputed from their printed parts", columns, rows,
                List.of(String.format(Locale.ROOT, "%d checks, %d mismatches. A printed number with d decimals stands for ±½·10^-d;"
                        + " the range is the recomputation over every part's rounding interval; a mismatch is a printed number whose"
                        + " own interval misses that range.", checks.size(), mismatches)));
    }
}
