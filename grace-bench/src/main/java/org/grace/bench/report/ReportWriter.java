package org.grace.bench.report;

import org.grace.bench.paper.AuditCheck;
import org.grace.bench.paper.PaperAudit;
import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.record.RunRecord;
import org.grace.bench.report.claims.ClaimResult;
import org.grace.bench.report.claims.Claims;
import org.grace.bench.report.figures.Figure;
import org.grace.bench.report.figures.FigureWriter;
import org.grace.bench.report.figures.Figures;
import org.grace.bench.report.tables.ClaimsTable;
import org.grace.bench.report.tables.ComparisonTable;
import org.grace.bench.report.tables.CsvTables;
import org.grace.bench.report.tables.EfficiencyTable;
import org.grace.bench.report.tables.FailureModeTable;
import org.grace.bench.report.tables.MarkdownTables;
import org.grace.bench.report.tables.PaperAuditTable;
import org.grace.bench.report.tables.RobustVsEpsTable;
import org.grace.bench.report.tables.Table;
import org.grace.bench.report.tables.ZeroShotTransferTable;
import org.grace.model.io.AtomicFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the whole report derived from run records into a folder (every file atomically):
 * {@code tables/<id>.csv} and {@code .md} (table-6, table-7, table-8, failure-modes, efficiency,
 * zero-shot-transfer, robust-vs-eps, claims, paper-audit), {@code figures/<id>.png} and {@code .svg},
 * {@code manifest.csv} and {@code README.md}. Methods without records are absent from the tables,
 * missing values print as "–", so a partial run still renders.
 *
 * <p>Usage: {@code ReportWriter.write(RunStore.readAll(runsFolder), context, Path.of("reports"))}.
 */
public final class ReportWriter {

    /** PNG resolution of the committed report. */
    public static final int DEFAULT_DPI = 300;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final int dpi;

    /** @param dpi PNG resolution of the figures */
    public ReportWriter(int dpi) {
        this.dpi = dpi;
    }

    /** Writes the report at {@link #DEFAULT_DPI}. */
    public static ReportSummary write(List<RunRecord> records, ReportContext ctx, Path reportsFolder) {
        return new ReportWriter(DEFAULT_DPI).writeAll(records, ctx, reportsFolder);
    }

    /** Writes the report and returns what it wrote and concluded. */
    public ReportSummary writeAll(List<RunRecord> records, ReportContext ctx, Path reportsFolder) {
        RunIndex runs = new RunIndex(records);
        PaperNumbers paper = PaperNumbers.load();
        List<AuditCheck> audit = new PaperAudit(paper).run();
        List<ClaimResult> claims = Claims.evaluateAll(runs, paper);

        List<Table> results = List.of(
                ComparisonTable.build("table-6", "Table 6: main comparison", "table-6", Methods.TABLE_6, runs, paper),
                ComparisonTable.build("table-7", "Table 7: LoRA-based methods", "table-7", Methods.TABLE_7, runs, paper),
                ComparisonTable.build("table-8", "Table 8: ablation", "table-8", Methods.TABLE_8, runs, paper),
                FailureModeTable.build(runs, paper), EfficiencyTable.build(runs, paper), ZeroShotTransferTable.build(runs, paper),
                RobustVsEpsTable.build(runs), ClaimsTable.build(claims));
        Table auditTable = PaperAuditTable.build(audit);

        List<Path> written = new ArrayList<>();
        Path tables = reportsFolder.resolve("tables");
        List<Table> all = new ArrayList<>(results);
        all.add(auditTable);
        for (Table t : all) {
            written.add(write(tables.resolve(t.id() + ".csv"), CsvTables.render(t)));
            written.add(write(tables.resolve(t.id() + ".md"), MarkdownTables.render(t, 1)));
        }
        List<Figure> figures = Figures.build(runs);
        FigureWriter figureWriter = new FigureWriter(dpi);
        Path figureFolder = reportsFolder.resolve("figures");
        for (Figure f : figures) {
            figureWriter.write(f, figureFolder);
            written.add(figureFolder.resolve(f.id() + ".png"));
            written.add(figureFolder.resolve(f.id() + ".svg"));
        }
        written.add(write(reportsFolder.resolve("manifest.csv"), CsvTables.render(Manifest.build(runs, paper, claims, ctx))));
        written.add(write(reportsFolder.resolve("README.md"),
                ReadmeWriter.render(runs, ctx, results, figures, claims, audit, auditTable, reportsFolder)));
        return new ReportSummary(written, results, figures.stream().map(Figure::id).toList(), claims, audit);
    }

    private static Path write(Path target, String text) {
        AtomicFiles.writeStringUnchecked(target, text);
        return target;
    }
}
