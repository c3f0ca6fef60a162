package org.grace.bench.report.tables;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Training cost: ms per step and training wall time, and both relative to vanilla FT ({@code ft})
 * at the same seed (mean ± CI of the per-seed ratios), with the paper's ratios (GRACE ~5×,
 * standard adversarial training ~7×) beside ours.
 */
public final class EfficiencyTable {

    private EfficiencyTable() {
    }

    public static Table build(RunIndex runs, PaperNumbers paper) {
        List<Column> columns = List.of(Column.plain("method", "method"), Column.plain("n_seeds", "seeds"),
                Column.estimate("ms_per_step", "ms/step"), Column.estimate("wall_s", "train wall s"),
                Column.estimate("ms_per_step_vs_ft", "ms/step ÷ FT"), Column.estimate("wall_vs_ft", "wall ÷ FT"),
                Column.plain("wall_vs_ft_paper", "÷ FT (paper)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (String m : runs.methods()) {
            if (runs.estimate(m, Quantity.WALL_S).isEmpty() && runs.estimate(m, Quantity.MS_PER_STEP).isEmpty()) {
                continue;
            }
            rows.add(List.of(Cell.text(m), Cell.number(runs.runs(m).size(), 0),
                    Cell.estimate(runs.estimate(m, Quantity.MS_PER_STEP), 1), Cell.estimate(runs.estimate(m, Quantity.WALL_S), 1),
                    Cell.estimate(ratioToFt(runs, m, Quantity.MS_PER_STEP), 2), Cell.estimate(ratioToFt(runs, m, Quantity.WALL_S), 2),
                    paper.find("text", m, "cost_ratio_vs_ft").<Cell>map(n -> Cell.text("~" + n.printed() + "×"))
                            .orElseGet(Cell::missing)));
        }
        return new Table("efficiency", "Efficiency: training cost relative to vanilla FT", columns, rows, List.of(
                "Ratios are formed per seed against ft at the same seed (same steps and batch), then averaged (mean ± 95% CI)."
                        + " The paper's ~7× is for \"standard adversarial training\", which we map to " + Methods.STANDARD_AT + "."));
    }

    /** Mean ± CI of value(method)/value(ft) over the seeds both have. */
    public static Optional<MeanCi> ratioToFt(RunIndex runs, String method, Quantity q) {
        SortedMap<Integer, Double> a = runs.perSeed(method, q);
        SortedMap<Integer, Double> ft = runs.perSeed(Methods.VANILLA_FT, q);
        List<Double> ratios = new ArrayList<>();
        a.forEach((seed, v) -> {
            Double base = ft.get(seed);
            if (base != null && base > 0) {
                ratios.add(v / base);
            }
        });
        return ratios.isEmpty() ? Optional.empty() : Optional.of(MeanCi.of(ratios));
    }
}
