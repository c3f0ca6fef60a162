package org.grace.bench.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One raw result: what one evaluation measured on one trained (method, seed) model. Every table
 * and figure of the report is derived from these lines only (one JSON object per line in
 * {@code reports/runs/*.jsonl}).
 *
 * <p>{@code metrics} hold scalars (accuracies as fractions in [0, 1], costs in seconds),
 * {@code series} hold curves and per-layer vectors, {@code notes} hold categorical results (a
 * failure mode) and {@code provenance} says where the numbers came from (commit, JVM, DJL and
 * libtorch versions, hardware, configuration, wall time). The names an evaluation writes are
 * listed in {@link Evaluations}.
 *
 * @param schema     record format version ({@link #SCHEMA})
 * @param method     registered method name
 * @param seed       training seed
 * @param scale      "embedded" or "paper"
 * @param evaluation which evaluation produced the line (a constant of {@link Evaluations})
 * @param metrics    named scalars
 * @param series     named vectors
 * @param notes      named strings
 * @param provenance named provenance strings
 */
public record RunRecord(int schema, String method, int seed, String scale, String evaluation,
                        Map<String, Double> metrics, Map<String, List<Double>> series, Map<String, String> notes,
                        Map<String, String> provenance) {

    /** Current format version. */
    public static final int SCHEMA = 1;

    /** Validates names and copies the maps (insertion order kept, so files are stable). */
    public RunRecord {
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("run record schema " + schema + " is not supported (expected " + SCHEMA + ")");
        }
        requireName("method", method);
        requireName("scale", scale);
        requireName("evaluation", evaluation);
        metrics = copy(metrics, "metrics");
        series = copy(series, "series");
        notes = copy(notes, "notes");
        provenance = copy(provenance, "provenance");
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("metric '" + e.getKey() + "' of " + key() + " is null");
            }
        }
    }

    /** The identity of the line: {@code method/seed/evaluation}; a store holds each key at most once. */
    public String key() {
        return method + "/seed" + seed + "/" + evaluation;
    }

    /** The metric {@code name}, if recorded. */
    public Optional<Double> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** The series {@code name}, if recorded. */
    public Optional<List<Double>> seriesOf(String name) {
        return Optional.ofNullable(series.get(name));
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("run record " + what + " must be a non-blank name, got '" + value + "'");
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> map, String what) {
        Objects.requireNonNull(map, what);
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
