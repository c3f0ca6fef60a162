package org.grace.bench.report.tables;

import org.grace.bench.record.Evaluations;
import org.grace.bench.record.RunRecord;
import org.grace.bench.report.Measure;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.SeedRun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Robust accuracy (APGD-CE) against the attack radius ε = k/255, per method (percent). */
public final class RobustVsEpsTable {

    private RobustVsEpsTable() {
    }

    /** The radii recorded by any run, as the metric names {@code eps_<k>}, ascending in k. */
    public static List<String> radii(RunIndex runs) {
        TreeSet<String> names = new TreeSet<>(Comparator.comparingDouble(RobustVsEpsTable::k).thenComparing(n -> n));
        for (String m : runs.methods()) {
            for (SeedRun run : runs.runs(m).values()) {
                run.record(Evaluations.ROBUST_EPS).map(RunRecord::metrics)
                        .ifPresent(metrics -> metrics.keySet().stream().filter(n -> n.startsWith("eps_")).filter(n -> !Double.isNaN(k(n)))
                                .forEach(names::add));
            }
        }
        return new ArrayList<>(names);
    }

    /** k of {@code eps_<k>} (NaN when not a number). */
    public static double k(String name) {
        try {
            return Double.parseDouble(name.substring("eps_".length()).replace('_', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The measure of one radius. */
    public static Measure measure(String name) {
        return Measure.metric(name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"),
                "ε=" + new java.math.BigDecimal(Double.toString(k(name))).stripTrailingZeros().toPlainString() + "/255", true, Evaluations.ROBUST_EPS, name);
    }

    public static Table build(RunIndex runs) {
        List<String> radii = radii(runs);
        List<Column> columns = new ArrayList<>(List.of(Column.plain("method", "method"), Column.plain("n_seeds", "seeds")));
        radii.forEach(r -> columns.add(Column.estimate(measure(r).key(), measure(r).label())));
        List<List<Cell>> rows = new ArrayList<>();
        for (String m : runs.methods()) {
            if (runs.runs(m).values().stream().noneMatch(r -> r.record(Evaluations.ROBUST_EPS).isPresent())) {
                continue;
            }
            List<Cell> row = new ArrayList<>(List.of(Cell.text(m), Cell.number(runs.runs(m).size(), 0)));
            radii.forEach(r -> row.add(Cell.estimate(runs.estimate(m, measure(r)), 2)));
            rows.add(row);
        }
        return new Table("robust-vs-eps", "Robust accuracy (APGD-CE) against ε", columns, rows, List.of(
                "Accuracy in percent, mean ± 95% CI over seeds; ε in units of 1/255 of the [0, 1] pixel range."
                        + " The paper reports only ε = 4/255."));
    }
}
