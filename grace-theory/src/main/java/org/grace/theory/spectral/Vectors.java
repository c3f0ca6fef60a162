package org.grace.theory.spectral;

import java.util.SplittableRandom;

/**
 * Float64 vector helpers shared by the spectral routines. Dot products use plain left-to-right
 * summation in double, which keeps results bit-identical across runs and platforms.
 */
public final class Vectors {

    private Vectors() {
    }

    /** Throws if {@code v} is null or does not have length {@code n}; {@code name} appears in the message. */
    public static void requireLength(double[] v, int n, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + n);
        }
    }

    /** Throws an {@link ArithmeticException} naming {@code what} and the index if {@code v} has a NaN or infinity. */
    public static void requireFinite(double[] v, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ArithmeticException(what + " has a non-finite entry " + v[i] + " at index " + i);
            }
        }
    }

    public static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y ← y + alpha·x. */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    public static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** A vector of independent ±1 entries (Rademacher), each with probability 1/2. */
    public static double[] rademacher(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        return v;
    }
}
