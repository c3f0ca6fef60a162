package org.grace.model.io;

import java.util.Arrays;

/**
 * A dense row-major (C order) tensor of 64-bit integers, the Java form of integer safetensors
 * tensors such as CLIP's {@code position_ids} buffers. Same contract as {@link FloatTensor}: the
 * shape is validated and copied, the data array is kept as given and must be treated as read-only,
 * and a 0-rank shape holds one element.
 *
 * @param shape the dimensions, outermost first
 * @param data the elements in row-major order
 */
public record LongTensor(long[] shape, long[] data) {

    private static final int SHOWN_VALUES = 8;

    public LongTensor {
        if (data == null) {
            throw new IllegalArgumentException("LongTensor: data is null");
        }
        shape = Shapes.checkedCopy(shape, data.length, "LongTensor");
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
        return other instanceof LongTensor that
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** Shape and at most the first eight values. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LongTensor[shape=").append(Arrays.toString(shape)).append(", data=[");
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
