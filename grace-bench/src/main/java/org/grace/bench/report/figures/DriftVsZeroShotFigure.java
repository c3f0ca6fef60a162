package org.grace.bench.report.figures;

import org.grace.bench.report.Correlation;
import org.grace.bench.report.MeanCi;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.claims.DriftZeroShotCorrelationClaim;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.util.Locale;
import java.util.Optional;

/** Relative parameter drift against zero-shot transfer accuracy, one point per method, Pearson r in the title. */
public final class DriftVsZeroShotFigure {

    private DriftVsZeroShotFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        Correlation r = DriftZeroShotCorrelationClaim.correlation(runs);
        if (r.k() == 0) {
            return Optional.empty();
        }
        String rText = Double.isNaN(r.r()) ? "r undefined" : Double.isNaN(r.lo())
                ? String.format(Locale.ROOT, "r = %.2f", r.r())
                : String.format(Locale.ROOT, "r = %.2f [%.2f, %.2f]", r.r(), r.lo(), r.hi());
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(String.format(Locale.ROOT, "Drift vs zero-shot: Pearson %s, %d methods (paper -0.82)", rText, r.k()))
                .xAxisTitle("relative drift ‖θ − θ0‖ / ‖θ0‖").yAxisTitle("zero-shot transfer accuracy (%)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (String m : runs.methods()) {
            Optional<MeanCi> drift = runs.estimate(m, Quantity.DRIFT);
            Optional<MeanCi> zs = runs.estimate(m, Quantity.ZERO_SHOT);
            if (drift.isPresent() && zs.isPresent()) {
                chart.addSeries(m, new double[] {drift.get().mean()}, new double[] {zs.get().mean()},
                        new double[] {zs.get().hasInterval() ? zs.get().halfWidth() : 0.0});
            }
        }
        return Optional.of(new Figure("drift-vs-zero-shot", "Drift vs zero-shot accuracy",
                "One point per method: mean drift and mean zero-shot accuracy (bar: 95% CI over seeds). The interval on r is"
                        + " Fisher's z over methods.", chart));
    }
}
