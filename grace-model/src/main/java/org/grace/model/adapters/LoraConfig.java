package org.grace.model.adapters;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which layers get LoRA and at what rank and alpha.
 *
 * <p>LoRA (Hu et al., 2021, arXiv:2106.09685) adds {@code ΔW = (alpha/r)·B·A} to a frozen weight
 * {@code W} of shape [out,in], with {@code A} [r,in] and {@code B} [out,r]. Per-layer ranks and
 * alphas follow PEFT's {@code rank_pattern}/{@code alpha_pattern}: a key matches a layer whose full
 * module name (e.g. {@code vision_model.encoder.layers.3.self_attn.q_proj}) equals the key or ends
 * with {@code "." + key}; the longest matching key wins; unmatched layers use {@code rank}/{@code alpha}.
 *
 * @param towers towers whose blocks are adapted
 * @param targets linear layers adapted in every block of those towers
 * @param rank default rank r, at least 1
 * @param alpha default alpha; the scaling is alpha/r
 * @param rankPattern per-layer rank overrides
 * @param alphaPattern per-layer alpha overrides
 */
public record LoraConfig(Set<Tower> towers, Set<AdapterTarget> targets, int rank, float alpha,
                         Map<String, Integer> rankPattern, Map<String, Float> alphaPattern) {

    /** Validates and copies every field. */
    public LoraConfig {
        Objects.requireNonNull(towers, "towers");
        Objects.requireNonNull(targets, "targets");
        if (towers.isEmpty()) {
            throw new IllegalArgumentException("LoRA towers must not be empty");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("LoRA targets must not be empty");
        }
        checkRank("rank", rank);
        checkAlpha("alpha", alpha);
        rankPattern = Map.copyOf(rankPattern == null ? Map.of() : rankPattern);
        alphaPattern = Map.copyOf(alphaPattern == null ? Map.of() : alphaPattern);
        rankPattern.forEach((k, v) -> checkRank("rankPattern[" + k + "]", v));
        alphaPattern.forEach((k, v) -> checkAlpha("alphaPattern[" + k + "]", v));
        towers = Set.copyOf(EnumSet.copyOf(towers));
        targets = Set.copyOf(EnumSet.copyOf(targets));
    }

    /** The same rank and alpha on every listed layer. */
    public static LoraConfig uniform(Set<Tower> towers, Set<AdapterTarget> targets, int rank, float alpha) {
        return new LoraConfig(towers, targets, rank, alpha, Map.of(), Map.of());
    }

    /** Whether the layer at this tower and target is adapted. */
    public boolean adapts(Tower tower, AdapterTarget target) {
        return towers.contains(tower) && targets.contains(target);
    }

    /** Rank for the layer with this full module name. */
    public int rankFor(String moduleName) {
        Integer r = longestMatch(rankPattern, moduleName);
        return r == null ? rank : r;
    }

    /** Alpha for the layer with this full module name. */
    public float alphaFor(String moduleName) {
        Float a = longestMatch(alphaPattern, moduleName);
        return a == null ? alpha : a;
    }

    private static <V> V longestMatch(Map<String, V> pattern, String moduleName) {
        String best = null;
        for (String key : pattern.keySet()) {
            boolean match = moduleName.equals(key) || moduleName.endsWith("." + key);
            if (match && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? null : pattern.get(best);
    }

    private static void checkRank(String field, int r) {
        if (r < 1) {
            throw new IllegalArgumentException("LoRA " + field + " must be at least 1, was " + r);
        }
    }

    private static void checkAlpha(String field, float a) {
        if (!(a > 0) || Float.isInfinite(a)) {
            throw new IllegalArgumentException("LoRA " + field + " must be positive and finite, was " + a);
        }
    }
}
