package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.io.FloatTensor;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-parameter optimiser state arrays ("slots", e.g. AdamW's {@code exp_avg}), keyed
 * {@code <parameter>/<slot>}, owned by one manager, and their conversion to and from heap tensors
 * for checkpoints.
 */
final class OptimizerSlots implements AutoCloseable {

    private final NDManager manager;
    private final List<String> slotNames;
    private final Map<String, NDArray> slots = new LinkedHashMap<>();

    OptimizerSlots(NDManager parent, List<String> slotNames) {
        this.manager = parent.newSubManager();
        this.slotNames = List.copyOf(slotNames);
    }

    static String key(String parameter, String slot) {
        return parameter + "/" + slot;
    }

    /** The slot array, or null if it was never created. */
    NDArray get(String parameter, String slot) {
        return slots.get(key(parameter, slot));
    }

    /** Stores a new slot array, moving it into this store's manager. */
    void put(String parameter, String slot, NDArray value) {
        value.attach(manager);
        NDArray old = slots.put(key(parameter, slot), value);
        if (old != null) {
            old.close();
        }
    }

    Map<String, FloatTensor> export() {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        slots.forEach((k, v) -> out.put(k, new FloatTensor(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    void load(Map<String, FloatTensor> state, Map<String, NDArray> parameters) {
        Map<String, NDArray> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : state.entrySet()) {
            String k = e.getKey();
            int cut = k.lastIndexOf('/');
            String parameter = cut < 0 ? "" : k.substring(0, cut);
            String slot = cut < 0 ? k : k.substring(cut + 1);
            NDArray p = parameters.get(parameter);
            if (p == null || !slotNames.contains(slot)) {
                loaded.values().forEach(NDArray::close);
                throw new IllegalArgumentException("optimizer state '" + k + "' is not a slot " + slotNames
                        + " of a trained parameter");
            }
            long[] shape = e.getValue().shape();
            if (!Arrays.equals(shape, p.getShape().getShape())) {
                loaded.values().forEach(NDArray::close);
                throw new IllegalArgumentException("optimizer state '" + k + "' has shape " + Arrays.toString(shape)
                        + " but parameter " + parameter + " has shape " + p.getShape());
            }
            NDArray a = manager.create(new Shape(shape));
            a.set(FloatBuffer.wrap(e.getValue().data()));
            loaded.put(k, a);
        }
        slots.values().forEach(NDArray::close);
        slots.clear();
        slots.putAll(loaded);
    }

    @Override
    public void close() {
        manager.close();
    }
}
