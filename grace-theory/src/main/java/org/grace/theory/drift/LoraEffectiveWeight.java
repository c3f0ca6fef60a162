package org.grace.theory.drift;

/**
 * The effective weight of a LoRA-adapted matrix, W = W0 + s·B·A, the tensor whose drift the paper
 * reports (paper summary, Key Design 1: W(θ) = W(θ0) + B_W A_W; the scale s = alpha/r of Hu et al.
 * 2021 is a parameter here, 1 reproduces the summary's formula).
 *
 * <p>Shapes: W0 is out×in (row-major), B is out×r, A is r×in. Accumulates each entry in float64.
 */
public final class LoraEffectiveWeight {

    private LoraEffectiveWeight() {
    }

    public static float[] merge(float[] base, int out, int in, float[] b, float[] a, int rank, double scale) {
        if (out <= 0 || in <= 0 || rank <= 0) {
            throw new IllegalArgumentException("shapes must be positive: out=" + out + ", in=" + in + ", rank=" + rank);
        }
        requireSize(base, (long) out * in, "W0", out + "x" + in);
        requireSize(b, (long) out * rank, "B", out + "x" + rank);
        requireSize(a, (long) rank * in, "A", rank + "x" + in);
        float[] w = new float[base.length];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                double s = 0.0;
                for (int k = 0; k < rank; k++) {
                    s += (double) b[i * rank + k] * a[k * in + j];
                }
                w[i * in + j] = (float) (base[i * in + j] + scale * s);
            }
        }
        return w;
    }

    private static void requireSize(float[] array, long expected, String name, String shape) {
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has " + array.length + " entries, expected " + expected
                    + " for shape " + shape);
        }
    }
}
