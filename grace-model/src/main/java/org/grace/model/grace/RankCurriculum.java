package org.grace.model.grace;

import java.util.Arrays;

/**
 * How LAR-AWP turns per-layer curvature into perturbation ranks.
 *
 * <p>With the curriculum on, layers are placed in tiers by curvature percentile: layer l has
 * percentile {@code q_l = #{k : s_k < s_l} / L} (ties share a percentile), and tier t covers
 * {@code cuts[t-1] ≤ q < cuts[t]}; tier t's rank is {@code tierRanks[t]}. If the ranks then exceed
 * {@code budget}, the flattest layer that starts a rank level is lowered by one, repeatedly, which
 * keeps the allocation monotone (higher curvature never gets a lower rank). Without the
 * curriculum every layer gets {@code min(maxRank, budget / L)}, i.e. uniform AWP.
 *
 * <p>Defaults ({@link #defaults()}): cuts {0.25, 0.75}, ranks {1, 4, 8}, so the flattest quarter gets
 * rank 1, the middle half 4 and the sharpest quarter 8, budget 4 per layer (open choice 4 in
 * {@code reference/baselines.md}: a monotone map with a fixed total budget, AdaLoRA-style; the
 * paper fixes none of these numbers).
 *
 * @param curriculum whether ranks follow curvature (otherwise uniform)
 * @param cuts increasing percentile cuts in (0,1)
 * @param tierRanks one rank per tier ({@code cuts.length + 1}), non-decreasing, each at least 1
 * @param budgetPerLayer average rank allowed per layer; the total budget is {@code budgetPerLayer·L}
 */
public record RankCurriculum(boolean curriculum, double[] cuts, int[] tierRanks, double budgetPerLayer) {

    /** Validates the tiers and the budget. */
    public RankCurriculum {
        cuts = cuts.clone();
        tierRanks = tierRanks.clone();
        if (tierRanks.length != cuts.length + 1) {
            throw new IllegalArgumentException("need one rank per tier: " + (cuts.length + 1) + " ranks for "
                    + cuts.length + " cuts, got " + tierRanks.length);
        }
        for (int i = 0; i < cuts.length; i++) {
            if (!(cuts[i] > 0 && cuts[i] < 1) || (i > 0 && cuts[i] <= cuts[i - 1])) {
                throw new IllegalArgumentException("percentile cuts must increase strictly inside (0,1), got " + Arrays.toString(cuts));
            }
        }
        for (int i = 0; i < tierRanks.length; i++) {
            if (tierRanks[i] < 1 || (i > 0 && tierRanks[i] < tierRanks[i - 1])) {
                throw new IllegalArgumentException("tier ranks must be at least 1 and non-decreasing, got " + Arrays.toString(tierRanks));
            }
        }
        if (!(budgetPerLayer >= tierRanks[0]) || Double.isInfinite(budgetPerLayer)) {
            throw new IllegalArgumentException("rank budget per layer must be finite and at least the lowest tier rank "
                    + tierRanks[0] + ", was " + budgetPerLayer);
        }
    }

    /** Curriculum on, cuts {0.25, 0.75}, ranks {1, 4, 8}, budget 4 per layer. */
    public static RankCurriculum defaults() {
        return new RankCurriculum(true, new double[] {0.25, 0.75}, new int[] {1, 4, 8}, 4);
    }

    /** The same tiers with the curriculum switched off (uniform ranks). */
    public RankCurriculum uniform() {
        return new RankCurriculum(false, cuts, tierRanks, budgetPerLayer);
    }

    /** Lowest rank any layer gets. */
    public int minRank() {
        return tierRanks[0];
    }

    /** Highest rank any layer gets. */
    public int maxRank() {
        return tierRanks[tierRanks.length - 1];
    }

    /** Total rank budget for {@code layers} layers. */
    public int budget(int layers) {
        return (int) Math.floor(budgetPerLayer * layers);
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    @Override
    public int[] tierRanks() {
        return tierRanks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankCurriculum r && r.curriculum == curriculum && Arrays.equals(r.cuts, cuts)
                && Arrays.equals(r.tierRanks, tierRanks) && r.budgetPerLayer == budgetPerLayer;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cuts) * 31 + Arrays.hashCode(tierRanks) + Boolean.hashCode(curriculum) + Double.hashCode(budgetPerLayer);
    }

    @Override
    public String toString() {
        return "RankCurriculum[curriculum=" + curriculum + ", cuts=" + Arrays.toString(cuts) + ", tierRanks="
                + Arrays.toString(tierRanks) + ", budgetPerLayer=" + budgetPerLayer + "]";
    }
}
