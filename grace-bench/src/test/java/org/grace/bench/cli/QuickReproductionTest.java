package org.grace.bench.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.grace.bench.record.RunRecord;
import org.grace.bench.record.RunStore;
import org.grace.bench.report.ReportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code --quick} reproduction end to end (issue 7's integration test): every table, figure,
 * the manifest and the README are produced and well-formed; killed half-way through writing a
 * record and rerun, it finishes the missing work with the same numbers and no duplicated row.
 */
class QuickReproductionTest {

    static final List<String> TABLES = List.of("table-6", "table-7", "table-8", "failure-modes", "efficiency",
            "zero-shot-transfer", "robust-vs-eps", "claims", "paper-audit");

    @Test
    void quickRunWritesTheWholeReportAndResumesWithoutDuplicates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("reports");
        String[] args = {"--quick", "--out", out.toString(), "--work", dir.resolve("work").toString()};
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        ReportSummary summary = ReproduceCommand.run(BenchOptions.parse(args), List.of(args),
                new PrintStream(log, true, StandardCharsets.UTF_8)).orElseThrow();
        System.out.printf("quick reproduction: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<RunRecord> records = RunStore.readAll(out.resolve("runs"));
        assertEquals(17 * 2 * 5 + 17, records.size(), "17 methods × 2 seeds × 5 evaluations + the ε curve of seed 0");
        for (String table : TABLES) {
            assertWellFormedCsv(out.resolve("tables").resolve(table + ".csv"));
            assertWellFormedMarkdown(out.resolve("tables").resolve(table + ".md"));
        }
        assertFalse(summary.figures().isEmpty());
        for (String figure : summary.figures()) {
            byte[] png = Files.readAllBytes(out.resolve("figures").resolve(figure + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), figure);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            // SVG files name the W3C DTD; parse offline, as CI has no network for it
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            xml.newDocumentBuilder().parse(out.resolve("figures").resolve(figure + ".svg").toFile());
        }
        List<CSVRecord> manifest = assertWellFormedCsv(out.resolve("manifest.csv"));
        assertTrue(manifest.size() > 20, "manifest rows: " + manifest.size());
        String readme = Files.readString(out.resolve("README.md"));
        for (String figure : summary.figures()) {
            assertTrue(readme.contains(figure + ".png"), "README embeds " + figure);
        }
        assertTrue(readme.contains("Table 6") && readme.contains("supported"), "README has tables and verdicts");

        // Kill mid-write: drop the last three records and leave half a line, as a crash would.
        Path store = out.resolve("runs").resolve("runs.jsonl");
        List<String> lines = Files.readAllLines(store);
        List<String> kept = lines.subList(0, lines.size() - 3);
        Files.writeString(store, String.join("\n", kept) + "\n" + lines.get(lines.size() - 3).substring(0, 25));
        ReproduceCommand.run(BenchOptions.parse(args), List.of(args), new PrintStream(log, true, StandardCharsets.UTF_8));

        List<RunRecord> resumed = RunStore.readAll(out.resolve("runs"));
        assertEquals(records.size(), resumed.size(), "no record lost, none duplicated");
        Map<String, RunRecord> before = records.stream().collect(Collectors.toMap(RunRecord::key, Function.identity()));
        for (RunRecord r : resumed) {
            if (!r.evaluation().equals("train")) {
                assertEquals(before.get(r.key()).metrics(), r.metrics(), "same numbers after resuming: " + r.key());
            }
        }
    }

    private static List<CSVRecord> assertWellFormedCsv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<CSVRecord> rows = p.getRecords();
            int columns = p.getHeaderNames().size();
            assertTrue(columns >= 2, file + " has a header");
            assertFalse(rows.isEmpty(), file + " has rows");
            for (CSVRecord r : rows) {
                assertEquals(columns, r.size(), file + " row " + r.getRecordNumber());
            }
            return rows;
        }
    }

    private static void assertWellFormedMarkdown(Path file) throws Exception {
        List<String> rows = Files.readAllLines(file).stream().filter(l -> l.startsWith("|")).toList();
        assertTrue(rows.size() >= 3, file + " has a table");
        long columns = rows.get(0).chars().filter(c -> c == '|').count();
        for (String row : rows) {
            assertEquals(columns, row.replace("\\|", "").chars().filter(c -> c == '|').count(), file + ": " + row);
        }
    }
}
