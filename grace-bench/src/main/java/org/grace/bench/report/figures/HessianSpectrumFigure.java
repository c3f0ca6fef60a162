package org.grace.bench.report.figures;

import org.grace.bench.record.Evaluations;
import org.grace.bench.report.RunIndex;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.util.Optional;

/** Hessian spectral density (stochastic Lanczos quadrature, theory series slq_grid / slq_density), one line per method. */
public final class HessianSpectrumFigure {

    private HessianSpectrumFigure() {
    }

    public static Optional<Figure> build(RunIndex runs) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Hessian spectral density").xAxisTitle("eigenvalue λ").yAxisTitle("density").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        int added = 0;
        for (String m : runs.methods()) {
            Optional<Curves> c = Curves.of(runs, m, Evaluations.THEORY, "slq_grid", "slq_density");
            if (c.isPresent()) {
                chart.addSeries(m, c.get().x(), c.get().y()).setMarker(new org.knowm.xchart.style.markers.None());
                added++;
            }
        }
        return added == 0 ? Optional.empty() : Optional.of(new Figure("hessian-spectrum", "Hessian spectral densities",
                "SLQ estimate of the Hessian's eigenvalue density per method (seeds averaged when they share a grid). Mass"
                        + " further right means sharper directions; the paper reports λ_max halved by GRACE.", chart));
    }
}
