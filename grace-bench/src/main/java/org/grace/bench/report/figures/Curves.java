package org.grace.bench.report.figures;

import org.grace.bench.report.RunIndex;
import org.grace.bench.report.SeedRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A method's curve (x series, y series of one evaluation) summarised over seeds: the pointwise mean
 * of y when every seed recorded the same x, else the lowest seed's curve (so a figure never mixes
 * grids). Non-finite points are dropped.
 *
 * @param x the abscissae
 * @param y the ordinates
 * @param seeds how many seeds were averaged
 */
public record Curves(List<Double> x, List<Double> y, int seeds) {

    /**
     * The curve of {@code method}, if any seed recorded both series with equal lengths; with
     * {@code xName == null} the abscissae are the indices 0, 1, ... of the y series.
     */
    public static Optional<Curves> of(RunIndex runs, String method, String evaluation, String xName, String yName) {
        List<List<Double>> xs = new ArrayList<>();
        List<List<Double>> ys = new ArrayList<>();
        for (SeedRun run : runs.runs(method).values()) {
            Optional<List<Double>> y = run.series(evaluation, yName);
            Optional<List<Double>> x = xName == null ? y.map(Curves::indices) : run.series(evaluation, xName);
            if (x.isPresent() && y.isPresent() && x.get().size() == y.get().size() && !x.get().isEmpty()) {
                xs.add(x.get());
                ys.add(y.get());
            }
        }
        if (xs.isEmpty()) {
            return Optional.empty();
        }
        boolean sameGrid = xs.stream().allMatch(x -> x.equals(xs.get(0)));
        List<Double> y = new ArrayList<>();
        int used = sameGrid ? ys.size() : 1;
        for (int i = 0; i < xs.get(0).size(); i++) {
            double sum = 0;
            for (int s = 0; s < used; s++) {
                sum += ys.get(s).get(i);
            }
            y.add(sum / used);
        }
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            if (Double.isFinite(xs.get(0).get(i)) && Double.isFinite(y.get(i))) {
                fx.add(xs.get(0).get(i));
                fy.add(y.get(i));
            }
        }
        return fx.isEmpty() ? Optional.empty() : Optional.of(new Curves(fx, fy, used));
    }

    private static List<Double> indices(List<Double> y) {
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            x.add((double) i);
        }
        return x;
    }
}
