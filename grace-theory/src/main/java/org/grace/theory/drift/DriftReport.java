package org.grace.theory.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Relative drift ‖θ − θ0‖/‖θ0‖ of a model, globally and per tensor.
 *
 * @param global    drift over all tensors together
 * @param perTensor per tensor, in input order
 */
public record DriftReport(TensorDrift global, Map<String, TensorDrift> perTensor) {

    public DriftReport {
        perTensor = Collections.unmodifiableMap(new LinkedHashMap<>(perTensor));
    }

    /** ‖θ − θ0‖² over all tensors, the numerator of the bound's prior-proximity term. */
    public double squaredDistance() {
        return global.distance() * global.distance();
    }

    /**
     * Aggregates tensors into groups (e.g. a layer from "blocks.11.attn.q.weight" and ".bias"):
     * distances and norms combine as root sums of squares, so each group's drift is exact.
     */
    public Map<String, TensorDrift> byGroup(Function<String, String> groupOf) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (TensorDrift t : perTensor.values()) {
            double[] s = sums.computeIfAbsent(groupOf.apply(t.name()), k -> new double[3]);
            s[0] += t.distance() * t.distance();
            s[1] += t.referenceNorm() * t.referenceNorm();
            s[2] += t.size();
        }
        Map<String, TensorDrift> out = new LinkedHashMap<>();
        sums.forEach((group, s) -> out.put(group, new TensorDrift(group, Math.sqrt(s[0]), Math.sqrt(s[1]), (long) s[2])));
        return out;
    }
}
