package org.grace.bench.report;

import org.grace.bench.record.RunRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything recorded for one trained model: the records of one (method, seed), by evaluation.
 *
 * @param method registry name
 * @param seed   training seed
 * @param byEvaluation the records, keyed by evaluation name
 */
public record SeedRun(String method, int seed, Map<String, RunRecord> byEvaluation) {

    public SeedRun {
        byEvaluation = Collections.unmodifiableMap(new LinkedHashMap<>(byEvaluation));
    }

    /** Metric {@code name} of evaluation {@code evaluation}, if recorded and finite. */
    public OptionalDouble metric(String evaluation, String name) {
        RunRecord r = byEvaluation.get(evaluation);
        if (r == null) {
            return OptionalDouble.empty();
        }
        Double v = r.metrics().get(name);
        return v == null || !Double.isFinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Series {@code name} of evaluation {@code evaluation}, if recorded. */
    public Optional<List<Double>> series(String evaluation, String name) {
        RunRecord r = byEvaluation.get(evaluation);
        return r == null ? Optional.empty() : r.seriesOf(name);
    }

    /** The record of an evaluation, if present. */
    public Optional<RunRecord> record(String evaluation) {
        return Optional.ofNullable(byEvaluation.get(evaluation));
    }
}
