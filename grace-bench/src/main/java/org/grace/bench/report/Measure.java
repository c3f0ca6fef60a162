package org.grace.bench.report;

import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A number read (or derived) from one {@link SeedRun}: the unit of every table cell, figure point
 * and claim. Accuracy measures are fractions in the records and percent in the report.
 */
public interface Measure {

    /** Machine name, used as a CSV column prefix and in the manifest (e.g. {@code ood_avg}). */
    String key();

    /** Human name, used in Markdown headers and figure axes (e.g. "OOD avg"). */
    String label();

    /** Whether the value is an accuracy fraction shown in percent. */
    boolean percent();

    /** The value for one seed, if it can be formed from what was recorded. */
    OptionalDouble of(SeedRun run);

    /** Multiplier from record units to report units (100 for accuracies). */
    default double displayFactor() {
        return percent() ? 100.0 : 1.0;
    }

    /** Metric {@code name} of evaluation {@code evaluation}, as recorded. */
    static Measure metric(String key, String label, boolean percent, String evaluation, String name) {
        return of(key, label, percent, run -> run.metric(evaluation, name));
    }

    /** A measure from a function. */
    static Measure of(String key, String label, boolean percent, Function<SeedRun, OptionalDouble> value) {
        return new Measure() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public boolean percent() {
                return percent;
            }

            @Override
            public OptionalDouble of(SeedRun run) {
                return value.apply(run);
            }

            @Override
            public String toString() {
                return key;
            }
        };
    }
}
