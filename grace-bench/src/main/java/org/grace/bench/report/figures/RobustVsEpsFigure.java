package org.grace.bench.report.figures;

import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Measure;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.tables.RobustVsEpsTable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Robust accuracy (APGD-CE) against ε·255, one line per method with 95% CI error bars. */
public final class RobustVsEpsFigure {

    private RobustVsEpsFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        List<String> radii = RobustVsEpsTable.radii(runs);
        if (radii.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Robust accuracy vs attack radius").xAxisTitle("ε × 255 (ℓ∞)").yAxisTitle("APGD-CE robust accuracy (%)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (String m : runs.methods()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String r : radii) {
                Measure measure = RobustVsEpsTable.measure(r);
                Optional<MeanCi> v = runs.estimate(m, measure);
                if (v.isPresent()) {
                    x.add(RobustVsEpsTable.k(r));
                    y.add(v.get().mean());
                    e.add(v.get().hasInterval() ? v.get().halfWidth() : 0.0);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(m, x, y, e);
            }
        }
        return chart.getSeriesMap().isEmpty() ? Optional.empty() : Optional.of(new Figure("robust-vs-eps",
                "Robust accuracy vs ε", "APGD-CE accuracy as the ℓ∞ radius grows (mean over seeds, whiskers: 95% CI);"
                        + " the paper evaluates ε = 4/255 only.", chart));
    }
}
