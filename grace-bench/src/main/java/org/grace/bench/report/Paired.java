package org.grace.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Paired-by-seed comparisons of two sides (a method or a camp): only seeds measured on both sides
 * enter, so seed-to-seed variation shared by both sides (data order, initial head) cancels.
 */
public final class Paired {

    private Paired() {
    }

    /** Mean ± 95% CI of a_s − b_s over the common seeds s; empty if there are none. */
    public static Optional<MeanCi> difference(SortedMap<Integer, Double> a, SortedMap<Integer, Double> b) {
        List<Double> d = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                d.add(e.getValue() - other);
            }
        }
        return d.isEmpty() ? Optional.empty() : Optional.of(MeanCi.of(d));
    }

    /**
     * Mean ± 95% CI of ln(a_s / b_s) over the common seeds where both are positive; empty if none.
     * Ratios are compared on the log scale, where a ratio and its inverse are symmetric; exp of the
     * mean is the geometric mean ratio.
     */
    public static Optional<MeanCi> logRatio(SortedMap<Integer, Double> a, SortedMap<Integer, Double> b) {
        List<Double> d = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null && other > 0 && e.getValue() > 0) {
                d.add(Math.log(e.getValue() / other));
            }
        }
        return d.isEmpty() ? Optional.empty() : Optional.of(MeanCi.of(d));
    }
}
