package org.grace.model.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a safetensors header: {@code "name": {"dtype": ..., "shape": [...],
 * "data_offsets": [begin, end]}}. The offsets are byte positions relative to the start of the
 * data buffer (the file byte {@code 8 + N + begin}, N being the header length); {@code end} is
 * exclusive. Instances made by {@link SafetensorsFile} are validated: {@code dtype} is one of
 * {@link SafetensorsDtype}, no dimension is negative, and {@code end - begin} equals the tensor's
 * byte size.
 *
 * @param name the tensor's key in the header
 * @param dtype the header's dtype string, e.g. {@code "F32"}
 * @param shape the dimensions, outermost first ({@code []} for a scalar)
 * @param begin first byte in the data buffer
 * @param end one past the last byte in the data buffer
 */
public record TensorInfo(String name, String dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        shape = shape.clone();
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tensor '" + name + "': data_offsets [" + begin + ", " + end
                    + "] are not [begin, end] with 0 <= begin <= end");
        }
    }

    /** The dimensions (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: product of the shape, 1 for a scalar. */
    public long numel() {
        return Shapes.numel(shape);
    }

    /** Number of bytes the tensor occupies, {@code end - begin}. */
    public long byteLength() {
        return end - begin;
    }

    /** The parsed dtype, or {@code null} if the string is not a safetensors dtype. */
    public SafetensorsDtype dtypeEnum() {
        return SafetensorsDtype.fromHeaderName(dtype);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that
                && name.equals(that.name)
                && dtype.equals(that.dtype)
                && Arrays.equals(shape, that.shape)
                && begin == that.begin
                && end == that.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return "TensorInfo[name=" + name + ", dtype=" + dtype + ", shape=" + Arrays.toString(shape)
                + ", data_offsets=[" + begin + ", " + end + "]]";
    }
}
