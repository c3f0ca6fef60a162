package org.grace.bench.report.figures;

import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ID / OOD / Adv trilemma as grouped bars: for each method, its ID, OOD avg and Adv avg side by
 * side with 95% CI error bars. Grouped bars were chosen over a ternary plot because the three axes
 * are on one scale (accuracy) and their absolute values, not just their proportions, matter.
 */
public final class TrilemmaFigure {

    private static final List<Quantity> AXES = List.of(Quantity.ID, Quantity.OOD_AVG, Quantity.ADV_AVG);

    private TrilemmaFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        List<String> methods = runs.methods().stream()
                .filter(m -> AXES.stream().allMatch(q -> runs.estimate(m, q).isPresent())).toList();
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("The ID / OOD / Adv trilemma").xAxisTitle("method").yAxisTitle("accuracy (%)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setAvailableSpaceFill(0.8);
        for (Quantity q : AXES) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String m : methods) {
                MeanCi e = runs.estimate(m, q).orElseThrow();
                means.add(e.mean());
                errors.add(e.hasInterval() ? e.halfWidth() : 0.0);
            }
            chart.addSeries(q.label(), methods, means, errors);
        }
        return Optional.of(new Figure("trilemma", "The ID / OOD / Adv trilemma",
                "ID, OOD avg and Adv avg per method (bars: mean over seeds; whiskers: 95% CI). S1 methods should show tall ID/OOD"
                        + " and short Adv bars, S2 methods the reverse, GRACE all three high.", chart));
    }
}
