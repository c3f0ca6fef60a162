package org.grace.bench.report.tables;

import org.grace.bench.paper.PaperNumber;
import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.FailureModes;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;
import org.grace.theory.bound.FailureMode;
import org.grace.theory.bound.PaperPrediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The failure-mode table: per method, the geometry (drift, λ_max, Hessian trace, discrepancy),
 * zero-shot accuracy, the bound's terms (mean ± CI over seeds at each record's own σ), the term with
 * the largest excess over the best method when all are moved to one common σ
 * ({@link FailureModes}), and the paper's prediction with whether they agree.
 */
public final class FailureModeTable {

    private static final List<Quantity> MEASURED = List.of(Quantity.DRIFT, Quantity.LAMBDA_MAX, Quantity.TRACE,
            Quantity.DISCREPANCY, Quantity.ZERO_SHOT, Quantity.BOUND_RISK, Quantity.BOUND_PRIOR, Quantity.BOUND_SHARPNESS,
            Quantity.BOUND_DISCREPANCY, Quantity.BOUND_TOTAL);

    private FailureModeTable() {
    }

    public static Table build(RunIndex runs, PaperNumbers paper) {
        Map<String, FailureMode> modes = FailureModes.ofMeans(runs).stream()
                .collect(Collectors.toMap(f -> f.terms().method(), Function.identity()));
        Map<String, PaperPrediction> predictions = FailureModes.predictions();
        List<Column> columns = new ArrayList<>(List.of(Column.plain("method", "method"), Column.plain("n_seeds", "seeds")));
        for (Quantity q : MEASURED) {
            columns.add(Column.estimate(q.key(), q.label()));
        }
        columns.addAll(List.of(Column.plain("largest_excess", "largest-excess term"),
                Column.plain("paper_predicts", "paper predicts"), Column.plain("basis", "basis"),
                Column.plain("agrees", "agrees"), Column.plain("drift_paper", "drift (paper)"),
                Column.plain("zero_shot_paper", "zero-shot (paper)"), Column.plain("lambda_max_paper", "λ_max (paper)")));
        List<List<Cell>> rows = new ArrayList<>();
        for (String m : runs.methods()) {
            boolean any = MEASURED.stream().anyMatch(q -> runs.estimate(m, q).isPresent());
            if (!any) {
                continue;
            }
            List<Cell> row = new ArrayList<>(List.of(Cell.text(m), Cell.number(runs.runs(m).size(), 0)));
            for (Quantity q : MEASURED) {
                row.add(Cell.estimate(runs.estimate(m, q), q.percent() ? 2 : -1));
            }
            FailureMode mode = modes.get(m);
            PaperPrediction p = predictions.get(m);
            row.add(mode == null ? Cell.missing() : Cell.text(mode.dominant().map(Enum::name).orElse("none")));
            row.add(p == null ? Cell.missing() : Cell.text(p.predicted().map(Enum::name).orElse("none")));
            row.add(p == null ? Cell.missing() : Cell.text(p.basis()));
            row.add(mode == null || p == null ? Cell.missing()
                    : Cell.text(mode.agreesWithPaper().map(a -> a ? "yes" : "no").orElse("–")));
            row.add(printed(paper.find("text", m, "drift")));
            row.add(printed(paper.find("text", m, "zero_shot")));
            row.add(printed(paper.find("text", m, "lambda_max")));
            rows.add(row);
        }
        return new Table("failure-modes", "Failure modes: geometry, bound terms and the paper's predictions", columns, rows,
                List.of("Bound terms are Theorem 3.1's at each record's own σ; the largest-excess term is found after moving all"
                                + " methods to one common σ (FailureModes), with an excess of at most "
                                + FailureModes.RELATIVE_THRESHOLD + " of the bound counting as none.",
                        "Predictions are grace-theory's paper-failure-modes.tsv: 'stated' rows quote the paper, 'inferred' rows"
                                + " are our reading of Tables 7 and 8. λ_max, trace and drift are in the units of our model,"
                                + " not comparable in absolute size with the paper's ViT-B/32 numbers."));
    }

    private static Cell printed(Optional<PaperNumber> n) {
        return n.<Cell>map(p -> Cell.text(p.printed())).orElseGet(Cell::missing);
    }
}
