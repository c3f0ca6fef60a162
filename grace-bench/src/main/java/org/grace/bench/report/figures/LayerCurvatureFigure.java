package org.grace.bench.report.figures;

import org.grace.bench.record.Evaluations;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.SeedRun;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.util.List;
import java.util.Optional;

/**
 * Per-layer curvature (Hessian trace per layer, theory series {@code layer_trace}) on the left axis
 * beside the AWP rank LAR-AWP allocated to each layer ({@code layer_rank}) on the right axis, for
 * the GRACE variants that record ranks (all methods' traces when none does).
 */
public final class LayerCurvatureFigure {

    private LayerCurvatureFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        List<String> withRanks = runs.methods().stream().filter(m -> hasSeries(runs, m, "layer_rank")).toList();
        List<String> shown = withRanks.isEmpty()
                ? runs.methods().stream().filter(m -> hasSeries(runs, m, "layer_trace")).toList() : withRanks;
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Per-layer curvature and allocated AWP rank").xAxisTitle("layer index").yAxisTitle("layer Hessian trace").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        boolean ranks = false;
        for (int i = 0; i < shown.size(); i++) {
            String m = shown.get(i);
            // A method's trace and rank share its colour: solid line for the trace, dashed for the rank.
            java.awt.Color color = ChartStyle.color(i);
            Optional<Curves> trace = Curves.of(runs, m, Evaluations.THEORY, null, "layer_trace");
            trace.ifPresent(c -> {
                XYSeries s = chart.addSeries("trace " + m, c.x(), c.y());
                s.setLineColor(color);
                s.setMarkerColor(color);
            });
            Optional<Curves> rank = Curves.of(runs, m, Evaluations.THEORY, null, "layer_rank");
            if (rank.isPresent()) {
                XYSeries s = chart.addSeries("rank " + m, rank.get().x(), rank.get().y());
                s.setLineColor(color);
                s.setMarkerColor(color);
                s.setYAxisGroup(1);
                s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                ranks = true;
            }
        }
        if (ranks) {
            chart.setYAxisGroupTitle(1, "allocated AWP rank");
        }
        if (chart.getSeriesMap().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Figure("layer-curvature", "Per-layer curvature and AWP ranks",
                "Solid: Hessian trace of each layer (left axis); dashed: the AWP rank LAR-AWP allocated to that layer (right"
                        + " axis). The paper's design gives sharper layers higher ranks, so the two should rise together.", chart));
    }

    private static boolean hasSeries(RunIndex runs, String method, String name) {
        for (SeedRun run : runs.runs(method).values()) {
            if (run.series(Evaluations.THEORY, name).filter(s -> !s.isEmpty()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
