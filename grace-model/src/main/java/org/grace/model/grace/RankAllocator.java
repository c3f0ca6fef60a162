package org.grace.model.grace;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Allocates LAR-AWP perturbation ranks from per-layer curvature scores under a
 * {@link RankCurriculum}: monotone in curvature and within the total rank budget.
 */
public final class RankAllocator {

    private RankAllocator() {
    }

    /**
     * Ranks for layers with curvature scores {@code scores} (one per layer, finite, non-negative).
     *
     * @throws IllegalArgumentException for an empty or non-finite score vector
     */
    public static int[] allocate(double[] scores, RankCurriculum curriculum) {
        int n = scores.length;
        if (n == 0) {
            throw new IllegalArgumentException("rank allocation needs at least one layer");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("curvature score of layer " + i + " is not finite: " + scores[i]);
            }
        }
        int budget = curriculum.budget(n);
        int[] ranks = new int[n];
        if (!curriculum.curriculum()) {
            Arrays.fill(ranks, Math.max(curriculum.minRank(), Math.min(curriculum.maxRank(), budget / n)));
            return ranks;
        }
        double[] cuts = curriculum.cuts();
        int[] tierRanks = curriculum.tierRanks();
        for (int i = 0; i < n; i++) {
            int below = 0;
            for (double s : scores) {
                if (s < scores[i]) {
                    below++;
                }
            }
            double q = (double) below / n;
            int tier = 0;
            while (tier < cuts.length && q >= cuts[tier]) {
                tier++;
            }
            ranks[i] = tierRanks[tier];
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> scores[i])).toArray(Integer[]::new);
        int total = Arrays.stream(ranks).sum();
        while (total > budget) {
            int lowered = -1;
            for (int k = 0; k < n; k++) {
                int layer = order[k];
                int previous = k == 0 ? 0 : ranks[order[k - 1]];
                if (ranks[layer] > curriculum.minRank() && ranks[layer] > previous) {
                    lowered = layer;
                    break;
                }
            }
            if (lowered < 0) {
                break;
            }
            ranks[lowered]--;
            total--;
        }
        return ranks;
    }
}
