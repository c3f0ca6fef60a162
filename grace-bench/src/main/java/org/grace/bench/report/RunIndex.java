package org.grace.bench.report;

import org.grace.bench.record.RunRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Run records organised as method → seed → {@link SeedRun}, with the per-seed values and
 * mean ± 95% CI of any {@link Measure}. Values are in report units (percent for accuracies).
 */
public final class RunIndex {

    private final Map<String, SortedMap<Integer, SeedRun>> runs;

    /** Indexes the records; a (method, seed, evaluation) seen twice keeps the first. */
    public RunIndex(List<RunRecord> records) {
        Map<String, SortedMap<Integer, Map<String, RunRecord>>> grouped = new TreeMap<>(
                Comparator.comparingInt(Methods::rank).thenComparing(Comparator.naturalOrder()));
        for (RunRecord r : records) {
            grouped.computeIfAbsent(r.method(), m -> new TreeMap<>())
                    .computeIfAbsent(r.seed(), s -> new LinkedHashMap<>())
                    .putIfAbsent(r.evaluation(), r);
        }
        Map<String, SortedMap<Integer, SeedRun>> out = new LinkedHashMap<>();
        grouped.forEach((method, seeds) -> {
            SortedMap<Integer, SeedRun> bySeed = new TreeMap<>();
            seeds.forEach((seed, evals) -> bySeed.put(seed, new SeedRun(method, seed, evals)));
            out.put(method, bySeed);
        });
        this.runs = out;
    }

    /** Methods with at least one record, in report order. */
    public List<String> methods() {
        return new ArrayList<>(runs.keySet());
    }

    /** Those of {@code wanted} that have records, in the order given. */
    public List<String> present(List<String> wanted) {
        return wanted.stream().filter(runs::containsKey).toList();
    }

    /** Whether the method has any record. */
    public boolean has(String method) {
        return runs.containsKey(method);
    }

    /** Every seed of any method, ascending. */
    public List<Integer> seeds() {
        TreeSet<Integer> all = new TreeSet<>();
        runs.values().forEach(m -> all.addAll(m.keySet()));
        return new ArrayList<>(all);
    }

    /** The runs of one method by seed (empty if the method has none). */
    public SortedMap<Integer, SeedRun> runs(String method) {
        return runs.getOrDefault(method, new TreeMap<>());
    }

    /** The measure per seed, in report units, for the seeds where it can be formed. */
    public SortedMap<Integer, Double> perSeed(String method, Measure measure) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        runs(method).forEach((seed, run) -> {
            OptionalDouble v = measure.of(run);
            if (v.isPresent()) {
                out.put(seed, v.getAsDouble() * measure.displayFactor());
            }
        });
        return out;
    }

    /** Mean ± 95% CI over seeds in report units, if any seed has the measure. */
    public Optional<MeanCi> estimate(String method, Measure measure) {
        SortedMap<Integer, Double> values = perSeed(method, measure);
        return values.isEmpty() ? Optional.empty() : Optional.of(MeanCi.of(values.values()));
    }

    /**
     * The per-seed mean of a measure over a group of methods (a camp): for each seed, the mean over
     * the members that have it at that seed. A single-method group is that method.
     */
    public SortedMap<Integer, Double> groupPerSeed(List<String> group, Measure measure) {
        Map<Integer, List<Double>> values = new TreeMap<>();
        for (String m : group) {
            perSeed(m, measure).forEach((seed, v) -> values.computeIfAbsent(seed, s -> new ArrayList<>()).add(v));
        }
        SortedMap<Integer, Double> out = new TreeMap<>();
        values.forEach((seed, vs) -> out.put(seed, vs.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        return out;
    }
}
