package org.grace.bench.report.figures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

class ParetoTest {

    @Test
    void frontKeepsTheCheapestPointForEachBetterScore() {
        double[] cost = {1.0, 0.05, 7.0, 5.0, 1.2};
        double[] hm = {21.0, 20.5, 29.2, 39.7, 20.0};
        assertEquals(List.of(1, 0, 3), Pareto.front(cost, hm));
    }

    @Test
    void noFrontPointIsDominatedAndEveryOtherPointIs() {
        qt().forAll(lists().of(doubles().between(0, 10)).ofSizeBetween(1, 12)).checkAssert(values -> {
            int n = values.size();
            double[] cost = new double[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                cost[i] = values.get(i);
                score[i] = values.get((i * 7 + 3) % n) * 3 + i % 3;
            }
            List<Integer> front = Pareto.front(cost, score);
            for (int i = 0; i < n; i++) {
                boolean dominated = false;
                for (int j = 0; j < n; j++) {
                    if (j != i && cost[j] <= cost[i] && score[j] >= score[i] && (cost[j] < cost[i] || score[j] > score[i])) {
                        dominated = true;
                    }
                }
                if (front.contains(i)) {
                    assertTrue(!dominated, "front point " + i + " is dominated");
                } else {
                    assertTrue(dominated || isTwinOfFrontPoint(i, front, cost, score), "point " + i + " is off the front");
                }
            }
        });
    }

    /** An exact duplicate of a front point is not dominated but is listed once. */
    private static boolean isTwinOfFrontPoint(int i, List<Integer> front, double[] cost, double[] score) {
        return front.stream().anyMatch(j -> cost[j] == cost[i] && score[j] == score[i]);
    }
}
