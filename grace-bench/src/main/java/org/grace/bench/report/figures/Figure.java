package org.grace.bench.report.figures;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A built figure.
 *
 * @param id      file stem ({@code figures/<id>.png} and {@code .svg})
 * @param title   heading in the README
 * @param caption what it shows and how to read it
 * @param chart   the XChart chart
 */
public record Figure(String id, String title, String caption, Chart<?, ?> chart) {
}
