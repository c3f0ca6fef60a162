package org.grace.theory.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-layer curvature set beside the perturbation ranks LAR-AWP allocates by curvature.
 *
 * <p>{@link #byLayer} sums block traces into layers (e.g. a LoRA layer's A and B factors); the
 * standard errors combine as √Σ SE², since {@link BlockTrace} draws independent probes per block.
 * {@link #spearman} is the rank correlation between a layer's measured trace and the rank LAR-AWP
 * gave it (ties get average ranks): the paper's claim that "layers with higher curvature receive
 * higher ranks" predicts a positive value, and its curvature proxy h_W ≈ n_v g_W ⊙ g_W is checked
 * against the exact-Hessian traces this way.
 */
public final class LayerCurvature {

    private LayerCurvature() {
    }

    /** Sums block traces into the groups named by {@code layerOf}, in first-seen order. */
    public static Map<String, TraceEstimate> byLayer(Map<String, TraceEstimate> blocks, Function<String, String> layerOf) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> converged = new LinkedHashMap<>();
        blocks.forEach((name, estimate) -> {
            String layer = layerOf.apply(name);
            double[] s = sums.computeIfAbsent(layer, k -> new double[3]);
            s[0] += estimate.mean();
            s[1] += estimate.standardError() * estimate.standardError();
            s[2] += estimate.samples();
            converged.merge(layer, estimate.converged(), Boolean::logicalAnd);
        });
        Map<String, TraceEstimate> out = new LinkedHashMap<>();
        sums.forEach((layer, s) -> out.put(layer, new TraceEstimate(s[0], Math.sqrt(s[1]), (int) s[2], converged.get(layer))));
        return out;
    }

    /**
     * Spearman's rank correlation between measured layer traces and allocated ranks, over the layers
     * present in both maps.
     *
     * @throws IllegalArgumentException if fewer than two layers are shared or either side is constant
     */
    public static double spearman(Map<String, TraceEstimate> traces, Map<String, ? extends Number> allocated) {
        List<String> shared = new ArrayList<>();
        for (String layer : traces.keySet()) {
            if (allocated.containsKey(layer)) {
                shared.add(layer);
            }
        }
        if (shared.size() < 2) {
            throw new IllegalArgumentException("need at least two layers with both a trace and an allocated rank, got "
                    + shared);
        }
        double[] a = new double[shared.size()];
        double[] b = new double[shared.size()];
        for (int i = 0; i < shared.size(); i++) {
            a[i] = traces.get(shared.get(i)).mean();
            b[i] = allocated.get(shared.get(i)).doubleValue();
        }
        return pearson(ranks(a), ranks(b));
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0.0;
        double saa = 0.0;
        double sbb = 0.0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        if (saa == 0.0 || sbb == 0.0) {
            throw new IllegalArgumentException("rank correlation is undefined when all traces or all ranks are equal");
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
