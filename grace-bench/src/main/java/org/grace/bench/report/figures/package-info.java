/**
 * The report's figures, one class each, built with XChart from run records and written as PNG
 * (300 DPI by default) and SVG from the same chart object by {@link org.grace.bench.report.figures.FigureWriter}.
 */
package org.grace.bench.report.figures;
