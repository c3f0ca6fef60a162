package org.grace.bench.report.figures;

import org.grace.bench.record.Evaluations;
import org.grace.bench.report.RunIndex;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.util.Optional;

/** Training loss against step (train series step / loss), one line per method, seeds averaged on a shared grid. */
public final class TrainingCurveFigure {

    private TrainingCurveFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Training curves").xAxisTitle("step").yAxisTitle("training loss").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (String m : runs.methods()) {
            Curves.of(runs, m, Evaluations.TRAIN, "step", "loss")
                    .ifPresent(c -> chart.addSeries(m, c.x(), c.y()).setMarker(new org.knowm.xchart.style.markers.None()));
        }
        return chart.getSeriesMap().isEmpty() ? Optional.empty() : Optional.of(new Figure("training-curves", "Training curves",
                "Training loss per step (each method's own objective, so levels differ between methods; compare shapes).", chart));
    }
}
