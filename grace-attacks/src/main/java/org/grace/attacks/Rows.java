package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Row (sample) selection and per-sample masks on batch-major arrays. */
public final class Rows {

    private Rows() {}

    /** Indices i with {@code flags[i] == value}. */
    public static int[] where(boolean[] flags, boolean value) {
        int count = 0;
        for (boolean f : flags) {
            if (f == value) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Rows {@code idx} of {@code a}, in that order. */
    public static NDArray gather(NDArray a, int[] idx) {
        NDArray index = a.getManager().create(idx);
        NDArray out = a.get(index);
        index.close();
        return out;
    }

    /** Elements {@code idx} of a Java array. */
    public static int[] gather(int[] a, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    /** Elements {@code idx} of a Java array. */
    public static long[] gather(long[] a, int[] idx) {
        long[] out = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    /**
     * A copy of {@code full} whose rows {@code idx[j]} are replaced by {@code rows[j]} for each j
     * with {@code take[j]} (take null means all).
     */
    public static NDArray scatter(NDArray full, int[] idx, NDArray rows, boolean[] take) {
        int n = Math.toIntExact(full.getShape().get(0));
        int[] source = new int[n];
        boolean[] replace = new boolean[n];
        for (int j = 0; j < idx.length; j++) {
            if (take == null || take[j]) {
                source[idx[j]] = j;
                replace[idx[j]] = true;
            }
        }
        if (idx.length == 0) {
            return full.duplicate();
        }
        NDArray spread = gather(rows, source);
        NDArray mask = mask(full.getManager(), replace, full.getShape().dimension())
                .broadcast(full.getShape());
        return NDArrays.where(mask, spread, full);
    }

    /** Boolean [N, 1, 1, ...] with {@code dims} axes, broadcastable over a batch. */
    public static NDArray mask(NDManager manager, boolean[] flags, int dims) {
        long[] shape = new long[dims];
        java.util.Arrays.fill(shape, 1);
        shape[0] = flags.length;
        return manager.create(flags).reshape(new Shape(shape));
    }

    /** Float column [N, 1, 1, ...] with {@code dims} axes holding {@code values}. */
    public static NDArray column(NDManager manager, float[] values, int dims) {
        long[] shape = new long[dims];
        java.util.Arrays.fill(shape, 1);
        shape[0] = values.length;
        return manager.create(values).reshape(new Shape(shape));
    }

    /**
     * {@code where(flags, a, b)} row by row; returns {@code a} or {@code b} itself when all flags
     * agree (callers never modify arrays in place, so sharing is safe).
     */
    public static NDArray select(boolean[] flags, NDArray a, NDArray b) {
        boolean any = false;
        boolean all = true;
        for (boolean f : flags) {
            any |= f;
            all &= f;
        }
        if (all) {
            return a;
        }
        if (!any) {
            return b;
        }
        NDArray mask = mask(a.getManager(), flags, a.getShape().dimension()).broadcast(a.getShape());
        return NDArrays.where(mask, a, b);
    }
}
