package org.grace.bench.report.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link Table} → CSV (RFC 4180 quoting, "\n" line ends, numbers in {@link Locale#ROOT} to 6
 * significant digits, trailing zeros dropped). An estimate column becomes two fields, {@code <key>_mean} and {@code <key>_ci95} (the
 * 95% half-width, empty with one seed); a missing value is an empty field.
 */
public final class CsvTables {

    /** The format of every CSV the report writes. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CsvTables() {
    }

    /** The table as CSV text. */
    public static String render(Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header(table));
            for (List<Cell> row : table.rows()) {
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    fields.addAll(fields(table.columns().get(c), row.get(c)));
                }
                printer.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render table " + table.id() + " as CSV", e);
        }
        return out.toString();
    }

    /** The CSV header of the table. */
    public static List<String> header(Table table) {
        List<String> header = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.estimate()) {
                header.add(c.key() + "_mean");
                header.add(c.key() + "_ci95");
            } else {
                header.add(c.key());
            }
        }
        return header;
    }

    private static List<String> fields(Column column, Cell cell) {
        if (column.estimate()) {
            if (cell instanceof Cell.Estimate e) {
                return List.of(number(e.estimate().mean()), e.estimate().hasInterval() ? number(e.estimate().halfWidth()) : "");
            }
            return List.of(cell instanceof Cell.Missing ? "" : cell.markdown(), "");
        }
        if (cell instanceof Cell.Number n) {
            return List.of(n.decimals() == 0 ? String.format(Locale.ROOT, "%.0f", n.value()) : number(n.value()));
        }
        return List.of(cell instanceof Cell.Missing ? "" : cell.markdown());
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
