package org.grace.model.io;

import java.util.Arrays;

/** Shape arithmetic shared by the tensor records and the header parser. */
final class Shapes {

    private Shapes() {
    }

    /**
     * Number of elements of a row-major tensor of this shape: the product of the dimensions, 1 for
     * the 0-rank shape {@code []}.
     *
     * @throws IllegalArgumentException if a dimension is negative or the product overflows a long
     */
    static long numel(long[] shape) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException(
                        "dimension " + i + " of shape " + Arrays.toString(shape) + " is negative");
            }
            try {
                n = Math.multiplyExact(n, shape[i]);
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " has more than " + Long.MAX_VALUE + " elements");
            }
        }
        return n;
    }

    /**
     * Checks that {@code shape} is non-null, has no negative dimension and holds exactly
     * {@code length} elements; returns a private copy of it.
     */
    static long[] checkedCopy(long[] shape, long length, String what) {
        if (shape == null) {
            throw new IllegalArgumentException(what + ": shape is null");
        }
        long[] copy = shape.clone();
        long numel;
        try {
            numel = numel(copy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        if (numel != length) {
            throw new IllegalArgumentException(what + ": shape " + Arrays.toString(copy) + " holds " + numel
                    + " elements but the data array has " + length);
        }
        return copy;
    }
}
