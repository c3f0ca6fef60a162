package org.grace.bench.report.figures;

import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Training cost against harmonic mean, one point per method (HM mean ± 95% CI), with the Pareto
 * front (cheapest point for its HM) drawn as a line. Cost is the training wall time relative to
 * vanilla FT when {@code ft} was run, else in seconds.
 */
public final class CostVsHarmonicMeanFigure {

    private CostVsHarmonicMeanFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        boolean relative = runs.estimate(Methods.VANILLA_FT, Quantity.WALL_S).isPresent();
        double base = relative ? runs.estimate(Methods.VANILLA_FT, Quantity.WALL_S).get().mean() : 1.0;
        List<String> names = new ArrayList<>();
        List<Double> cost = new ArrayList<>();
        List<MeanCi> hm = new ArrayList<>();
        for (String m : runs.methods()) {
            Optional<MeanCi> wall = runs.estimate(m, Quantity.WALL_S);
            Optional<MeanCi> h = runs.estimate(m, Quantity.HM);
            if (wall.isPresent() && h.isPresent() && base > 0) {
                names.add(m);
                cost.add(wall.get().mean() / base);
                hm.add(h.get());
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Training cost vs harmonic mean").xAxisTitle(relative ? "training wall time ÷ vanilla FT" : "training wall time (s)")
                .yAxisTitle("harmonic mean of ID, OOD, Adv (%)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (int i = 0; i < names.size(); i++) {
            MeanCi h = hm.get(i);
            chart.addSeries(names.get(i), new double[] {cost.get(i)}, new double[] {h.mean()},
                    new double[] {h.hasInterval() ? h.halfWidth() : 0.0});
        }
        double[] c = cost.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = hm.stream().mapToDouble(MeanCi::mean).toArray();
        List<Integer> front = Pareto.front(c, s);
        XYSeries line = chart.addSeries("Pareto front", front.stream().mapToDouble(i -> c[i]).toArray(),
                front.stream().mapToDouble(i -> s[i]).toArray());
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(new org.knowm.xchart.style.markers.None());
        line.setLineColor(java.awt.Color.GRAY);
        return Optional.of(new Figure("cost-vs-hm", "Cost vs harmonic mean",
                "Each point is a method (HM mean with its 95% CI over seeds); the grey line joins the Pareto front: methods no"
                        + " other method beats on both cost and HM. The paper places GRACE at ~5× FT and adversarial training at ~7×.",
                chart));
    }
}
