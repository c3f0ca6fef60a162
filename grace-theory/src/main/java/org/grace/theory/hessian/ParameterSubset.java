package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grace.theory.spectral.BlockLayout;

/**
 * The parameters a Hessian is taken with respect to (LoRA factors, the last blocks, the head …),
 * as named tensors in a fixed order, and the flattening that maps them to one vector in R^N.
 *
 * <p>Flattening is row-major per tensor, tensors concatenated in the given order; {@link #layout()}
 * names each tensor's block so per-layer curvature can be read off. Only the values are used: the
 * Hessian operators differentiate fresh copies, never these arrays. Every tensor must be float32 or
 * float64 and finite.
 */
public final class ParameterSubset {

    private final List<String> names;
    private final List<NDArray> values;
    private final BlockLayout layout;

    private ParameterSubset(List<String> names, List<NDArray> values) {
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            NDArray v = values.get(i);
            DataType type = v.getDataType();
            if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
                throw new IllegalArgumentException("parameter '" + names.get(i) + "' has dtype " + type
                        + "; only float32 and float64 are supported");
            }
            long size = v.getShape().size();
            if (size <= 0 || size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("parameter '" + names.get(i) + "' has unsupported size " + size
                        + " (shape " + v.getShape() + ")");
            }
            for (double d : toDoubles(v)) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("parameter '" + names.get(i) + "' contains " + d);
                }
            }
            sizes.add((int) size);
        }
        this.layout = BlockLayout.of(this.names, sizes);
    }

    /** A subset from named tensors; iteration order of the map is the flattening order. */
    public static ParameterSubset of(Map<String, NDArray> named) {
        if (named == null || named.isEmpty()) {
            throw new IllegalArgumentException("a parameter subset needs at least one tensor");
        }
        return new ParameterSubset(new ArrayList<>(named.keySet()), new ArrayList<>(named.values()));
    }

    /** A subset from tensors named "p0", "p1", … in list order. */
    public static ParameterSubset of(List<NDArray> arrays) {
        Map<String, NDArray> named = new LinkedHashMap<>();
        for (int i = 0; i < arrays.size(); i++) {
            named.put("p" + i, arrays.get(i));
        }
        return of(named);
    }

    public List<String> names() {
        return names;
    }

    public List<NDArray> values() {
        return values;
    }

    public BlockLayout layout() {
        return layout;
    }

    /** N, the total number of scalars. */
    public int dimension() {
        return layout.dimension();
    }

    /** The current parameter values as one float64 vector. */
    public double[] flatten() {
        double[] out = new double[dimension()];
        for (int i = 0; i < values.size(); i++) {
            double[] part = toDoubles(values.get(i));
            System.arraycopy(part, 0, out, layout.blocks().get(i).offset(), part.length);
        }
        return out;
    }

    /**
     * Splits a flat vector into arrays shaped like the parameters, created in {@code manager} with
     * dtype {@code type}, or each parameter's own dtype when {@code type} is null (float64 values are
     * rounded once where the dtype is float32).
     */
    public List<NDArray> unflatten(double[] flat, NDManager manager, DataType type) {
        if (flat.length != dimension()) {
            throw new IllegalArgumentException("vector has length " + flat.length + " but the parameter subset "
                    + names + " has " + dimension() + " scalars");
        }
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BlockLayout.Block block = layout.blocks().get(i);
            Shape shape = values.get(i).getShape();
            out.add(create(manager, flat, block.offset(), block.length(), shape, type == null ? type(i) : type));
        }
        return out;
    }

    /** The dtype of parameter i. */
    DataType type(int i) {
        return values.get(i).getDataType();
    }

    static NDArray create(NDManager manager, double[] flat, int offset, int length, Shape shape, DataType type) {
        if (type == DataType.FLOAT64) {
            double[] part = new double[length];
            System.arraycopy(flat, offset, part, 0, length);
            return manager.create(part, shape);
        }
        float[] part = new float[length];
        for (int j = 0; j < length; j++) {
            part[j] = (float) flat[offset + j];
        }
        return manager.create(part, shape);
    }

    /** Reads a float32 or float64 array as doubles without creating new arrays. */
    static double[] toDoubles(NDArray array) {
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        if (array.getDataType() == DataType.FLOAT32) {
            float[] f = array.toFloatArray();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        throw new IllegalArgumentException("expected a float32 or float64 array, got " + array.getDataType());
    }
}
