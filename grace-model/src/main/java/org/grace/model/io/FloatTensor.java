package org.grace.model.io;

import java.util.Arrays;

/**
 * A dense row-major (C order) float32 tensor: {@code data[i]} is the element whose multi-index
 * {@code (i_0, ..., i_{r-1})} satisfies {@code i = ((i_0 * shape[1] + i_1) * shape[2] + ...)}.
 * The 0-rank shape {@code []} holds exactly one element; a shape with a 0 dimension holds none.
 *
 * <p>The constructor checks that no dimension is negative and that the product of the dimensions
 * equals {@code data.length}. It copies {@code shape} but not {@code data}: a checkpoint tensor
 * can hold 25 million floats, so the record keeps the caller's array and {@link #data()} returns
 * it without copying. Treat it as read-only. Equality compares shapes and data element-wise with
 * {@link Arrays#equals(float[], float[])} semantics (NaN equals NaN, 0.0 differs from -0.0).
 *
 * @param shape the dimensions, outermost first
 * @param data the elements in row-major order
 */
public record FloatTensor(long[] shape, float[] data) {

    private static final int SHOWN_VALUES = 8;

    public FloatTensor {
        if (data == null) {
            throw new IllegalArgumentException("FloatTensor: data is null");
        }
        shape = Shapes.checkedCopy(shape, data.length, "FloatTensor");
    }

    /** A 0-rank tensor holding one value. */
    public static FloatTensor scalar(float value) {
        return new FloatTensor(new long[0], new float[] {value});
    }

    /** The dimensions (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements, {@code data().length}. */
    public int numel() {
        return data.length;
    }

    /** Number of dimensions; 0 for a scalar. */
    public int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatTensor that
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** Shape and at most the first eight values, e.g. {@code FloatTensor[shape=[2, 3], data=[1.0, ... (6 values)]]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FloatTensor[shape=").append(Arrays.toString(shape)).append(", data=[");
        int shown = Math.min(data.length, SHOWN_VALUES);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(data[i]);
        }
        if (shown < data.length) {
            text.append(", ... (").append(data.length).append(" values)");
        }
        return text.append("]]").toString();
    }
}
