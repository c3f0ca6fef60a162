package org.grace.bench.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.grace.bench.record.Evaluations;
import org.grace.bench.record.RunRecord;
import org.grace.bench.report.tables.CsvTables;
import org.grace.bench.report.tables.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static final List<String> TABLES = List.of("table-6", "table-7", "table-8", "failure-modes", "efficiency",
            "zero-shot-transfer", "robust-vs-eps", "claims", "paper-audit");
    private static final List<String> FIGURES = List.of("cost-vs-hm", "drift-vs-zero-shot", "hessian-spectrum",
            "layer-curvature", "trilemma", "training-curves", "robust-vs-eps");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path folder;
    static ReportSummary summary;

    @BeforeAll
    static void writeFullReport() {
        summary = new ReportWriter(72).writeAll(SyntheticRuns.all(0, 1, 2), SyntheticRuns.context(), folder);
    }

    @Test
    void everyTableFigureManifestAndReadmeIsWritten() {
        for (String t : TABLES) {
            assertTrue(Files.isRegularFile(folder.resolve("tables/" + t + ".csv")), t + ".csv");
            assertTrue(Files.isRegularFile(folder.resolve("tables/" + t + ".md")), t + ".md");
        }
        for (String f : FIGURES) {
            assertTrue(Files.isRegularFile(folder.resolve("figures/" + f + ".png")), f + ".png");
            assertTrue(Files.isRegularFile(folder.resolve("figures/" + f + ".svg")), f + ".svg");
        }
        assertTrue(Files.isRegularFile(folder.resolve("manifest.csv")));
        assertTrue(Files.isRegularFile(folder.resolve("README.md")));
        assertEquals(FIGURES, summary.figures());
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "a temporary file was left");
        }
    }

    @Test
    void comparisonTablesParseWithTheirHeaderAndOneRowPerMethodRun() throws IOException {
        assertCsv("table-6", 10);
        assertCsv("table-7", 5);
        assertCsv("table-8", 5);
        List<String> header = parse("table-6").getHeaderNames();
        assertEquals(List.of("method", "paper_name", "n_seeds", "id_mean", "id_ci95", "id_paper"), header.subList(0, 6));
        assertTrue(header.containsAll(List.of("hm_mean", "hm_ci95", "hm_paper", "apgd_ce_mean", "a_plus_ci95")));
        CSVRecord grace = parse("table-6").getRecords().stream().filter(r -> r.get("method").equals("grace")).findFirst().orElseThrow();
        assertEquals("39.69", grace.get("hm_paper"));
        assertEquals("3", grace.get("n_seeds"));
        double hm = Double.parseDouble(grace.get("hm_mean"));
        assertTrue(hm > 20 && hm < 60, "HM in percent: " + hm);
        assertFalse(grace.get("hm_ci95").isEmpty(), "three seeds give an interval");
    }

    @Test
    void otherTablesHaveOneRowPerMethodWithData() throws IOException {
        int methods = SyntheticRuns.PROFILES.size();
        assertCsv("failure-modes", methods);
        assertCsv("efficiency", methods);
        assertCsv("zero-shot-transfer", methods);
        assertCsv("robust-vs-eps", methods);
        assertEquals(List.of("method", "n_seeds", "eps_0_mean", "eps_0_ci95", "eps_1_mean", "eps_1_ci95", "eps_2_mean",
                "eps_2_ci95", "eps_4_mean", "eps_4_ci95", "eps_8_mean", "eps_8_ci95"), parse("robust-vs-eps").getHeaderNames());
        assertEquals(2 + 2 * 9 + 1, parse("zero-shot-transfer").getHeaderNames().size());
        assertEquals(summary.audit().size(), parse("paper-audit").getRecords().size());
    }

    @Test
    void markdownTablesHaveConsistentColumnCounts() throws IOException {
        for (String t : TABLES) {
            assertMarkdownTablesConsistent(Files.readString(folder.resolve("tables/" + t + ".md")), t);
        }
        assertMarkdownTablesConsistent(Files.readString(folder.resolve("README.md")), "README.md");
    }

    @Test
    void figuresArePngAndWellFormedSvg() throws Exception {
        for (String f : FIGURES) {
            byte[] png = Files.readAllBytes(folder.resolve("figures/" + f + ".png"));
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), f + ".png signature");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = factory.newDocumentBuilder().parse(folder.resolve("figures/" + f + ".svg").toFile());
            assertEquals("svg", doc.getDocumentElement().getLocalName(), f + ".svg root");
        }
    }

    @Test
    void manifestHasProvenanceAndOneRowPerReportedNumber() throws IOException {
        try (CSVParser p = CSVParser.parse(folder.resolve("manifest.csv"), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("table", "method", "quantity", "unit", "paper", "measured_mean", "ci95_half_width", "n_seeds",
                    "difference", "verdict", "comment", "scale", "commit", "seeds", "jvm", "djl", "libtorch", "hardware",
                    "wall_time_s"), p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            long table6 = rows.stream().filter(r -> r.get("table").equals("table-6")).count();
            assertEquals(10 * 10, table6, "10 methods × 10 components");
            CSVRecord hm = rows.stream().filter(r -> r.get("table").equals("table-7") && r.get("method").equals("lora-tecoa")
                    && r.get("quantity").equals("hm")).findFirst().orElseThrow();
            assertEquals("37.5", hm.get("paper"));
            double diff = Double.parseDouble(hm.get("difference"));
            assertEquals(Double.parseDouble(hm.get("measured_mean")) - 37.5, diff, 1e-2);
            assertTrue(rows.stream().allMatch(r -> r.get("commit").equals("abc1234") && r.get("seeds").equals("0 1 2")
                    && r.get("wall_time_s").equals("1234.5")));
            assertEquals(9, rows.stream().filter(r -> r.get("table").equals("claims")).count());
        }
    }

    @Test
    void readmeHasDefinitionsClaimsTablesFiguresAndAudit() throws IOException {
        String readme = Files.readString(folder.resolve("README.md"));
        for (String section : List.of("## What was run", "## Definitions", "## Claims and verdicts", "## Tables", "## Figures",
                "## Paper audit", "Adv avg** (ours")) {
            assertTrue(readme.contains(section), section);
        }
        for (String f : FIGURES) {
            assertTrue(readme.contains("](figures/" + f + ".png)"), f);
        }
        assertTrue(readme.contains("LoRA-TeCoA") || readme.contains("lora-tecoa"));
        assertTrue(readme.contains("HM(60.0, 45.0, 22.5)"), "the audit names the LoRA-TeCoA mismatch");
        Matcher links = Pattern.compile("\\]\\(((?:tables|figures)/[^)]+|manifest\\.csv)\\)").matcher(readme);
        while (links.find()) {
            assertTrue(Files.exists(folder.resolve(links.group(1))), "README links a missing file " + links.group(1));
        }
    }

    @Test
    void partialRecordsStillRenderWithDashes(@TempDir Path partial) throws IOException {
        List<RunRecord> records = SyntheticRuns.all(0, 1).stream()
                .filter(r -> !r.method().equals("pmg-aft"))
                .filter(r -> !(r.method().equals("tecoa") && r.evaluation().equals(Evaluations.ROBUST)))
                .filter(r -> !(r.method().equals("wise-ft") && r.evaluation().equals(Evaluations.THEORY) && r.seed() == 1))
                .toList();
        ReportSummary s = new ReportWriter(72).writeAll(records, SyntheticRuns.context(), partial);
        String table6 = Files.readString(partial.resolve("tables/table-6.md"));
        assertFalse(table6.contains("| pmg-aft |"), "a method without records is absent");
        String tecoa = table6.lines().filter(l -> l.startsWith("| tecoa |")).findFirst().orElseThrow();
        assertTrue(tecoa.contains("| – |"), "missing APGD-CE, Adv avg and HM print as –: " + tecoa);
        CSVRecord tecoaCsv = CSVParser.parse(partial.resolve("tables/table-6.csv"), StandardCharsets.UTF_8,
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords().stream()
                .filter(r -> r.get("method").equals("tecoa")).findFirst().orElseThrow();
        assertEquals("", tecoaCsv.get("hm_mean"));
        assertNotNull(s.claims());
        assertMarkdownTablesConsistent(Files.readString(partial.resolve("README.md")), "partial README");
    }

    @Test
    void anEmptyRunStillWritesEveryTable(@TempDir Path empty) throws IOException {
        ReportSummary s = new ReportWriter(72).writeAll(List.of(), SyntheticRuns.context(), empty);
        for (String t : TABLES) {
            assertTrue(Files.isRegularFile(empty.resolve("tables/" + t + ".csv")), t);
        }
        assertTrue(s.figures().isEmpty());
        assertTrue(s.claims().stream().allMatch(c -> c.verdict() == Verdict.INCONCLUSIVE));
        assertEquals(0, parse(empty, "table-6").getRecords().size());
    }

    @Test
    void defaultEntryPointRendersPrintResolution(@TempDir Path out) throws IOException {
        // Only clean and robust records: one figure (the trilemma), so the 300 DPI render stays quick.
        List<RunRecord> small = Stream.of("ft", "grace").flatMap(m -> SyntheticRuns.records(m, 0).stream())
                .filter(r -> r.evaluation().equals(Evaluations.CLEAN) || r.evaluation().equals(Evaluations.ROBUST)).toList();
        ReportSummary s = ReportWriter.write(small, SyntheticRuns.context(), out);
        assertEquals(List.of("trilemma"), s.figures());
        var image = javax.imageio.ImageIO.read(out.resolve("figures/trilemma.png").toFile());
        assertTrue(image.getWidth() > 3 * 800, "300 DPI scales the 800-point canvas: " + image.getWidth());
    }

    private static void assertCsv(String table, int rows) throws IOException {
        try (CSVParser p = parse(table)) {
            List<CSVRecord> records = p.getRecords();
            assertEquals(rows, records.size(), table + " rows");
            for (CSVRecord r : records) {
                assertEquals(p.getHeaderNames().size(), r.size(), table + " row " + r.getRecordNumber() + " width");
            }
        }
        Table t = summary.tables().stream().filter(x -> x.id().equals(table)).findFirst().orElse(null);
        if (t != null) {
            assertEquals(CsvTables.header(t), parse(table).getHeaderNames());
        }
    }

    private static CSVParser parse(String table) throws IOException {
        return parse(folder, table);
    }

    private static CSVParser parse(Path root, String table) throws IOException {
        return CSVParser.parse(new StringReader(Files.readString(root.resolve("tables/" + table + ".csv"))),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get());
    }

    /** Every block of consecutive "|" lines has the same number of unescaped cells in each line. */
    static void assertMarkdownTablesConsistent(String markdown, String what) {
        int expected = -1;
        int line = 0;
        for (String l : markdown.split("\n", -1)) {
            line++;
            if (!l.startsWith("|")) {
                expected = -1;
                continue;
            }
            int cells = l.replace("\\|", "").split("\\|", -1).length - 2;
            if (expected < 0) {
                expected = cells;
            } else {
                assertEquals(expected, cells, what + " line " + line + ": " + l);
            }
        }
    }
}
