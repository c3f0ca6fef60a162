package org.grace.bench.report;

import org.grace.bench.paper.PaperNumber;
import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.claims.ClaimResult;
import org.grace.bench.report.tables.Cell;
import org.grace.bench.report.tables.Column;
import org.grace.bench.report.tables.EfficiencyTable;
import org.grace.bench.report.tables.RobustVsEpsTable;
import org.grace.bench.report.tables.Table;
import org.grace.bench.report.tables.ZeroShotTransferTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code manifest.csv}: one row per reported (table, method, quantity) with the paper's value, our
 * mean, 95% CI half-width, number of seeds, the difference, a verdict and the run's provenance;
 * plus one row per claim with its verdict.
 *
 * <p>Row verdict for a number the paper prints: "paper inside our CI" or "paper above/below our CI"
 * (n ≥ 2), "1 seed: no CI" (n = 1), "no paper value" otherwise. At the embedded scale the comment
 * says that absolute values are not expected to match, since model and data differ from the paper's.
 */
public final class Manifest {

    private static final List<Quantity> FAILURE = List.of(Quantity.DRIFT, Quantity.LAMBDA_MAX, Quantity.TRACE,
            Quantity.DISCREPANCY, Quantity.ZERO_SHOT, Quantity.BOUND_PRIOR, Quantity.BOUND_SHARPNESS,
            Quantity.BOUND_DISCREPANCY, Quantity.BOUND_TOTAL);

    /** Training wall time ÷ vanilla FT's at the same seed (a label for manifest rows; values come from EfficiencyTable). */
    private static final Measure WALL_VS_FT = Measure.of("wall_vs_ft", "wall ÷ FT", false, run -> java.util.OptionalDouble.empty());

    private Manifest() {
    }

    /** The manifest as a table (rendered to CSV by the writer). */
    public static Table build(RunIndex runs, PaperNumbers paper, List<ClaimResult> claims, ReportContext ctx) {
        List<Column> columns = new ArrayList<>();
        for (String c : List.of("table", "method", "quantity", "unit", "paper", "measured_mean", "ci95_half_width", "n_seeds",
                "difference", "verdict", "comment", "scale", "commit", "seeds", "jvm", "djl", "libtorch", "hardware", "wall_time_s")) {
            columns.add(Column.plain(c, c));
        }
        List<List<Cell>> rows = new ArrayList<>();
        tableRows(rows, "table-6", Methods.TABLE_6, runs, paper, ctx);
        tableRows(rows, "table-7", Methods.TABLE_7, runs, paper, ctx);
        tableRows(rows, "table-8", Methods.TABLE_8, runs, paper, ctx);
        for (String m : runs.methods()) {
            for (Quantity q : FAILURE) {
                runs.estimate(m, q).ifPresent(e -> rows.add(row("failure-modes", m, q, e, paper.find("text", m, q.key()), ctx)));
            }
            for (Quantity q : List.of(Quantity.MS_PER_STEP, Quantity.WALL_S)) {
                runs.estimate(m, q).ifPresent(e -> rows.add(row("efficiency", m, q, e, Optional.empty(), ctx)));
            }
            EfficiencyTable.ratioToFt(runs, m, Quantity.WALL_S).ifPresent(e -> rows.add(row("efficiency", m, WALL_VS_FT, e,
                    paper.find("text", m, "cost_ratio_vs_ft"), ctx)));
            for (Measure t : ZeroShotTransferTable.taskMeasures()) {
                runs.estimate(m, t).ifPresent(e -> rows.add(row("zero-shot-transfer", m, t, e, Optional.empty(), ctx)));
            }
            for (String r : RobustVsEpsTable.radii(runs)) {
                Measure measure = RobustVsEpsTable.measure(r);
                runs.estimate(m, measure).ifPresent(e -> rows.add(row("robust-vs-eps", m, measure, e, Optional.empty(), ctx)));
            }
        }
        for (ClaimResult c : claims) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text("claims"), Cell.text(c.id()), Cell.text("verdict"), Cell.text("–"),
                    Cell.missing(), Cell.missing(), Cell.missing(), Cell.missing(), Cell.missing(), Cell.text(c.verdict().text()),
                    Cell.text(c.title())));
            row.addAll(provenance(ctx));
            rows.add(row);
        }
        return new Table("manifest", "Manifest: paper vs measured", columns, rows, List.of());
    }

    private static void tableRows(List<List<Cell>> rows, String table, List<String> methods, RunIndex runs, PaperNumbers paper,
                                  ReportContext ctx) {
        for (String m : runs.present(methods)) {
            for (Quantity q : Quantity.COMPONENTS) {
                Optional<MeanCi> e = runs.estimate(m, q);
                Optional<PaperNumber> p = paper.find(table, m, q.key());
                if (e.isPresent()) {
                    rows.add(row(table, m, q, e.get(), p, ctx));
                }
            }
        }
    }

    private static List<Cell> row(String table, String method, Measure q, MeanCi e, Optional<PaperNumber> paper,
                                  ReportContext ctx) {
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text(table));
        row.add(Cell.text(method));
        row.add(Cell.text(q.key()));
        row.add(Cell.text(q.percent() ? "pct" : "raw"));
        row.add(paper.<Cell>map(p -> Cell.text(p.printed())).orElseGet(Cell::missing));
        row.add(Cell.number(e.mean(), -1));
        row.add(e.hasInterval() ? Cell.number(e.halfWidth(), -1) : Cell.missing());
        row.add(Cell.number(e.n(), 0));
        row.add(paper.<Cell>map(p -> Cell.number(e.mean() - p.value(), -1)).orElseGet(Cell::missing));
        row.add(Cell.text(verdict(e, paper)));
        row.add(Cell.text(comment(paper, ctx)));
        row.addAll(provenance(ctx));
        return row;
    }

    static String verdict(MeanCi e, Optional<PaperNumber> paper) {
        if (paper.isEmpty()) {
            return "no paper value";
        }
        if (!e.hasInterval()) {
            return "1 seed: no CI";
        }
        double p = paper.get().value();
        if (p < e.lo()) {
            return "paper below our CI";
        }
        if (p > e.hi()) {
            return "paper above our CI";
        }
        return "paper inside our CI";
    }

    private static String comment(Optional<PaperNumber> paper, ReportContext ctx) {
        if (paper.isEmpty()) {
            return "";
        }
        return ctx.scale().equals("paper") ? "paper scale: directly comparable"
                : ctx.scale() + " scale: absolute values are not expected to match the paper's ViT-B/32 on ImageNet";
    }

    private static List<Cell> provenance(ReportContext ctx) {
        return List.of(Cell.text(ctx.scale()), Cell.text(ctx.commit()), Cell.text(ctx.seedsText()), Cell.text(ctx.jvm()),
                Cell.text(ctx.djl()), Cell.text(ctx.libtorch()), Cell.text(ctx.hardware()),
                Cell.text(String.format(Locale.ROOT, "%.1f", ctx.wallTimeS())));
    }
}
