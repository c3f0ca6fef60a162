package org.grace.attacks.apgd;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Classes sorted by decreasing logit, per sample: {@code ranking[i][r-1]} is the r-th most likely
 * class (auto-attack: {@code logits.sort(dim=1)[1][:, -r]}). Ties keep the lower class first.
 */
public final class TargetRanking {

    private TargetRanking() {}

    /** Ranking of each row of logits [N, K]. */
    public static int[][] descending(NDArray logits) {
        int n = Math.toIntExact(logits.getShape().get(0));
        int k = Math.toIntExact(logits.getShape().get(1));
        float[] z = logits.toFloatArray();
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int row = i;
            Integer[] order = new Integer[k];
            for (int c = 0; c < k; c++) {
                order[c] = c;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -z[row * k + c]));
            out[i] = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
