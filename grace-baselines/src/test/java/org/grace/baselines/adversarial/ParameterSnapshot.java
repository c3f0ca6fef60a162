package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.model.method.MethodContext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

/** Every array of a method context (model, LoRA, prompts, head, reference) by name, copied. */
record ParameterSnapshot(Map<String, float[]> values) {

    static ParameterSnapshot of(MethodContext context) {
        Map<String, float[]> m = new LinkedHashMap<>();
        context.model().parameters().forEach((n, a) -> m.put(n, a.toFloatArray()));
        context.model().loraParameters().forEach((n, a) -> m.put(n, a.toFloatArray()));
        context.model().promptParameters().forEach((n, a) -> m.put(n, a.toFloatArray()));
        m.put("head", context.head().weights().toFloatArray());
        context.reference().parameters().forEach((n, a) -> m.put("reference." + n, a.toFloatArray()));
        return new ParameterSnapshot(m);
    }

    /** Names whose values differ bit for bit from {@code before} (arrays new since then count too). */
    Set<String> changedSince(ParameterSnapshot before) {
        Set<String> changed = new TreeSet<>();
        values.forEach((name, v) -> {
            float[] old = before.values.get(name);
            if (old == null || !Arrays.equals(old, v)) {
                changed.add(name);
            }
        });
        return changed;
    }

    static Map<String, float[]> gradients(Map<String, NDArray> arrays) {
        Map<String, float[]> m = new LinkedHashMap<>();
        arrays.forEach((n, a) -> m.put(n, a.getGradient().toFloatArray()));
        return m;
    }
}
