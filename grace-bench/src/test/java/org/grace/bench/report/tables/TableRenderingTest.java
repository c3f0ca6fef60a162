package org.grace.bench.report.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.grace.bench.report.MeanCi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableRenderingTest {

    private static final Table TABLE = new Table("t", "A table", List.of(Column.plain("method", "method"),
            Column.estimate("id", "ID"), Column.plain("note", "note")), List.of(
            List.of(Cell.text("ft"), Cell.estimate(Optional.of(MeanCi.of(70.0, 72.0, 74.0)), 2), Cell.text("a|b")),
            List.of(Cell.text("grace"), Cell.estimate(Optional.of(MeanCi.of(74.21)), 2), Cell.missing()),
            List.of(Cell.text("tecoa"), Cell.estimate(Optional.empty(), 2), Cell.number(3.0, 0))), List.of("A note."));

    @Test
    void csvSplitsEstimatesIntoMeanAndHalfWidthAndLeavesMissingValuesEmpty() throws IOException {
        String csv = CsvTables.render(TABLE);
        assertTrue(csv.endsWith("\n") && !csv.contains("\r"), "LF line ends");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get()).getRecords();
        assertEquals(List.of("method", "id_mean", "id_ci95", "note"), CsvTables.header(TABLE));
        assertEquals("72", rows.get(0).get("id_mean"));
        // t_{0.975,2}·s/√3 = 4.302653·2/√3
        assertEquals(4.96828, Double.parseDouble(rows.get(0).get("id_ci95")), 1e-4);
        assertEquals("a|b", rows.get(0).get("note"));
        assertEquals("74.21", rows.get(1).get("id_mean"));
        assertEquals("", rows.get(1).get("id_ci95"), "one seed: no interval");
        assertEquals("", rows.get(2).get("id_mean"));
        assertEquals("3", rows.get(2).get("note"));
    }

    @Test
    void markdownPrintsEstimatesDashesAndEscapedPipes() {
        String md = MarkdownTables.render(TABLE, 2);
        assertTrue(md.startsWith("## A table\n\n| method | ID | note |\n| --- | --- | --- |\n"), md);
        assertTrue(md.contains("| ft | 72.00 ± 4.97 | a\\|b |"), md);
        assertTrue(md.contains("| grace | 74.21 (1 seed) | – |"), md);
        assertTrue(md.contains("| tecoa | – | 3 |"), md);
        assertTrue(md.contains("A note."));
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> new Table("x", "x", List.of(Column.plain("a", "a")),
                List.of(List.of(Cell.text("1"), Cell.text("2"))), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Table("x", "x", List.of(Column.plain("a", "a")),
                List.of(List.of(Cell.estimate(Optional.of(MeanCi.of(1.0)), 2))), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Column.plain("Bad Key", "x"));
    }
}
