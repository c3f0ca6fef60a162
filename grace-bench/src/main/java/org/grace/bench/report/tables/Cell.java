package org.grace.bench.report.tables;

import org.grace.bench.report.MeanCi;

import java.util.Locale;
import java.util.Optional;

/** One table cell: text, a number, a mean ± CI estimate, or missing ("–" in Markdown, empty in CSV). */
public sealed interface Cell permits Cell.Text, Cell.Number, Cell.Estimate, Cell.Missing {

    /** The Markdown rendering of a missing value. */
    String DASH = "–";

    /** The cell as Markdown text (unescaped). */
    String markdown();

    /** Plain text. */
    record Text(String text) implements Cell {
        @Override
        public String markdown() {
            return text;
        }
    }

    /** A number printed with a fixed number of decimals ({@code decimals < 0}: 3 significant digits). */
    record Number(double value, int decimals) implements Cell {
        @Override
        public String markdown() {
            return format(value, decimals);
        }
    }

    /** A mean over seeds with its 95% CI. */
    record Estimate(MeanCi estimate, int decimals) implements Cell {
        @Override
        public String markdown() {
            return decimals < 0 ? sig(estimate) : estimate.format(decimals);
        }
    }

    /** No value. */
    record Missing() implements Cell {
        @Override
        public String markdown() {
            return DASH;
        }
    }

    /** Text cell. */
    static Cell text(String text) {
        return new Text(text);
    }

    /** Number cell, or missing when NaN. */
    static Cell number(double value, int decimals) {
        return Double.isNaN(value) ? new Missing() : new Number(value, decimals);
    }

    /** Estimate cell, or missing. */
    static Cell estimate(Optional<MeanCi> estimate, int decimals) {
        return estimate.<Cell>map(e -> new Estimate(e, decimals)).orElseGet(Missing::new);
    }

    /** Missing cell. */
    static Cell missing() {
        return new Missing();
    }

    /** {@code value} with {@code decimals} decimals, or 4 significant digits when decimals &lt; 0. */
    static String format(double value, int decimals) {
        return decimals < 0 ? String.format(Locale.ROOT, "%.4g", value) : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String sig(MeanCi e) {
        String m = format(e.mean(), -1);
        if (!e.hasInterval()) {
            return m + " (1 seed)";
        }
        // Equal values across seeds leave a round-off half-width (1e-17); print it as the 0 it is.
        double h = e.halfWidth() <= 1e-12 * Math.max(1.0, Math.abs(e.mean())) ? 0.0 : e.halfWidth();
        return m + " ± " + String.format(Locale.ROOT, "%.2g", h);
    }
}
