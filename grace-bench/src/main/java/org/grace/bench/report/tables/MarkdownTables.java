package org.grace.bench.report.tables;

import java.util.List;
import java.util.stream.Collectors;

/** {@link Table} → a GitHub Markdown table with its title and notes; "|" inside cells is escaped. */
public final class MarkdownTables {

    private MarkdownTables() {
    }

    /** Title (as a level-{@code level} heading), table, notes. */
    public static String render(Table table, int level) {
        StringBuilder sb = new StringBuilder();
        sb.append("#".repeat(level)).append(' ').append(table.title()).append("\n\n");
        sb.append(body(table));
        if (!table.notes().isEmpty()) {
            sb.append('\n');
            for (String note : table.notes()) {
                sb.append(note).append("\n\n");
            }
        }
        return sb.toString();
    }

    /** Only the table lines. */
    public static String body(Table table) {
        StringBuilder sb = new StringBuilder();
        sb.append(line(table.columns().stream().map(Column::header).toList()));
        sb.append(line(table.columns().stream().map(c -> "---").toList()));
        if (table.rows().isEmpty()) {
            sb.append(line(table.columns().stream().map(c -> Cell.DASH).toList()));
        }
        for (List<Cell> row : table.rows()) {
            sb.append(line(row.stream().map(Cell::markdown).toList()));
        }
        return sb.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(MarkdownTables::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String escape(String s) {
        return s.replace("\n", " ").replace("|", "\\|");
    }
}
