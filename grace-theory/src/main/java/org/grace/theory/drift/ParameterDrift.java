package org.grace.theory.drift;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.grace.model.clip.ClipModel;

/**
 * Relative parameter drift, the paper's measure of prior proximity: ‖θ − θ0‖₂ / ‖θ0‖₂ over the
 * effective weights (for LoRA: W0 + (alpha/r)·B·A, as {@link ClipModel#effectiveParameters} folds it in),
 * globally and per tensor.
 *
 * <p>Source: paper summary, Key Design 1 ("TeCoA shows a relative drift of 0.47 … WiSE-FT 0.08";
 * "GRACE limits drift to 0.09"). The paper does not say which tensors enter the norm; we use every
 * tensor passed in (the caller chooses, e.g. the image tower), and report per tensor so the choice
 * is visible. Sums of squares accumulate in float64 from float32 inputs.
 */
public final class ParameterDrift {

    private ParameterDrift() {
    }

    /**
     * @param reference θ0 by tensor name
     * @param current   θ by tensor name; must have exactly the same names and sizes
     * @throws IllegalArgumentException on missing or extra names, size mismatches, non-finite values,
     *                                  or an all-zero reference (relative drift undefined)
     */
    public static DriftReport of(Map<String, float[]> reference, Map<String, float[]> current) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("no tensors given for the drift");
        }
        if (!reference.keySet().equals(current.keySet())) {
            throw new IllegalArgumentException("reference and current tensors differ: only in reference "
                    + difference(reference, current) + ", only in current " + difference(current, reference));
        }
        Map<String, TensorDrift> perTensor = new LinkedHashMap<>();
        double distance2 = 0.0;
        double norm2 = 0.0;
        long size = 0;
        for (Map.Entry<String, float[]> entry : reference.entrySet()) {
            String name = entry.getKey();
            float[] r = entry.getValue();
            float[] c = current.get(name);
            if (r.length != c.length) {
                throw new IllegalArgumentException("tensor '" + name + "' has " + r.length
                        + " entries in the reference but " + c.length + " in the current model");
            }
            double d2 = 0.0;
            double n2 = 0.0;
            for (int i = 0; i < r.length; i++) {
                if (!Float.isFinite(r[i]) || !Float.isFinite(c[i])) {
                    throw new IllegalArgumentException("tensor '" + name + "' has a non-finite entry at index " + i
                            + " (reference " + r[i] + ", current " + c[i] + ")");
                }
                double diff = (double) c[i] - (double) r[i];
                d2 += diff * diff;
                n2 += (double) r[i] * (double) r[i];
            }
            perTensor.put(name, new TensorDrift(name, Math.sqrt(d2), Math.sqrt(n2), r.length));
            distance2 += d2;
            norm2 += n2;
            size += r.length;
        }
        if (norm2 == 0.0) {
            throw new IllegalArgumentException("the reference parameters are all zero; relative drift is undefined");
        }
        return new DriftReport(new TensorDrift("global", Math.sqrt(distance2), Math.sqrt(norm2), size), perTensor);
    }

    /**
     * Drift between two CLIP models on the weights they compute with: each model's
     * {@link ClipModel#effectiveParameters} (LoRA and any perturbation folded in), restricted to the
     * parameter names {@code include} accepts (e.g. the vision tower).
     *
     * @throws IllegalArgumentException if the models' parameter names differ or no name is included
     */
    public static DriftReport ofModels(ClipModel reference, ClipModel current, Predicate<String> include) {
        try (NDManager scratch = current.manager().newSubManager()) {
            Map<String, NDArray> r = selected(reference.effectiveParameters(scratch), include);
            Map<String, NDArray> c = selected(current.effectiveParameters(scratch), include);
            if (r.isEmpty()) {
                throw new IllegalArgumentException("no parameter of the reference model is selected for the drift");
            }
            return ofArrays(r, c);
        }
    }

    private static Map<String, NDArray> selected(Map<String, NDArray> all, Predicate<String> include) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        all.forEach((name, array) -> {
            if (include.test(name)) {
                out.put(name, array);
            }
        });
        return out;
    }

    /** The same for DJL arrays (any floating dtype, read as float32). */
    public static DriftReport ofArrays(Map<String, NDArray> reference, Map<String, NDArray> current) {
        return of(toFloats(reference), toFloats(current));
    }

    private static Map<String, float[]> toFloats(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            if (array.getDataType() == DataType.FLOAT32) {
                out.put(name, array.toFloatArray());
            } else {
                try (NDArray cast = array.toType(DataType.FLOAT32, true)) {
                    out.put(name, cast.toFloatArray());
                }
            }
        });
        return out;
    }

    private static Set<String> difference(Map<String, ?> a, Map<String, ?> b) {
        Set<String> s = new TreeSet<>(a.keySet());
        s.removeAll(b.keySet());
        return s;
    }
}
