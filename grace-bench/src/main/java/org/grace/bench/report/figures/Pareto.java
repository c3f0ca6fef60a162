package org.grace.bench.report.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto front of (cost, score) points: the points no other point beats on both axes (lower or
 * equal cost and higher or equal score, one strictly). Sorted by cost, the front is every point
 * whose score exceeds that of all cheaper points.
 */
public final class Pareto {

    private Pareto() {
    }

    /** Indices of the front's points, in increasing cost. */
    public static List<Integer> front(double[] cost, double[] score) {
        if (cost.length != score.length) {
            throw new IllegalArgumentException("Pareto front needs as many costs as scores, got " + cost.length + " and " + score.length);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cost.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> cost[i]).thenComparingDouble(i -> -score[i]));
        List<Integer> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            if (score[i] > best) {
                front.add(i);
                best = score[i];
            }
        }
        return front;
    }
}
