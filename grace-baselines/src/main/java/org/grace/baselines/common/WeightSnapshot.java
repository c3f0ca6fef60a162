package org.grace.baselines.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detached copies of named arrays (anchors θ₀, finetuned endpoints), owned by one manager, and
 * in-place assignment back into live parameters.
 */
public final class WeightSnapshot {

    private WeightSnapshot() {
    }

    /** Bit-exact detached copies of {@code arrays}, in {@code manager}, in the same order. */
    public static Map<String, NDArray> copy(Map<String, NDArray> arrays, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> out.put(name, detachedCopy(a, manager)));
        return Collections.unmodifiableMap(out);
    }

    /** A bit-exact copy of {@code array} without autograd history, in {@code manager}. */
    public static NDArray detachedCopy(NDArray array, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray alias = array.stopGradient();
            alias.attach(scope);
            NDArray copy = alias.duplicate();
            copy.attach(manager);
            return copy;
        }
    }

    /**
     * Overwrites {@code target}'s values with {@code value}'s (same shape), bit for bit. The target
     * may be a trainable leaf: its gradient requirement is lifted for the copy and restored after,
     * so this is legal inside a training step's gradient collector too (before the forward pass).
     */
    public static void assign(NDArray target, NDArray value) {
        if (!target.getShape().equals(value.getShape())) {
            throw new IllegalArgumentException("cannot assign " + value.getShape() + " to " + target.getName()
                    + " of shape " + target.getShape());
        }
        boolean trainable = target.hasGradient();
        if (trainable) {
            target.setRequiresGradient(false);
        }
        try {
            target.set(value.toByteBuffer());
        } finally {
            if (trainable) {
                target.setRequiresGradient(true);
            }
        }
    }
}
