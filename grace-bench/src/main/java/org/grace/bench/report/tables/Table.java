package org.grace.bench.report.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * A report table as a value, rendered to CSV ({@link CsvTables}) and Markdown ({@link MarkdownTables}).
 *
 * @param id      file name stem, e.g. {@code table-6}
 * @param title   heading
 * @param columns columns
 * @param rows    rows, each with one cell per column
 * @param notes   sentences printed under the Markdown table
 */
public record Table(String id, String title, List<Column> columns, List<List<Cell>> rows, List<String> notes) {

    public Table {
        columns = List.copyOf(columns);
        List<List<Cell>> copied = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + " row " + i + " has " + rows.get(i).size() + " cells for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = rows.get(i).get(c);
                if (cell instanceof Cell.Estimate && !columns.get(c).estimate()) {
                    throw new IllegalArgumentException("table " + id + " row " + i + ": an estimate in plain column "
                            + columns.get(c).key());
                }
            }
            copied.add(List.copyOf(rows.get(i)));
        }
        rows = List.copyOf(copied);
        notes = List.copyOf(notes);
    }
}
