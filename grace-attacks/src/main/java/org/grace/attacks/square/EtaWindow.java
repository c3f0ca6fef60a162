package org.grace.attacks.square;

/**
 * The ℓ2 Square attack's perturbation shape on an s×s window (auto-attack {@code square.py}
 * {@code eta_rectangles} / {@code eta}): the upper half holds +M(⌊s/2⌋, s) and the lower half
 * -M(s - ⌊s/2⌋, s), where M(a, b) adds 1/(k+1)² on nested centred rectangles of growing size k, each
 * half normalised, the whole normalised to unit Frobenius norm; transposed with probability 1/2.
 */
public final class EtaWindow {

    private EtaWindow() {}

    static double[][] rectangles(int x, int y) {
        double[][] d = new double[x][y];
        int c0 = x / 2;
        int c1 = y / 2;
        int rounds = Math.max(x / 2 + 1, y / 2 + 1);
        for (int k = 0; k < rounds; k++) {
            for (int i = Math.max(c0, 0); i < Math.min(c0 + 2 * k + 1, x); i++) {
                for (int j = Math.max(c1, 0); j < Math.min(c1 + 2 * k + 1, y); j++) {
                    d[i][j] += 1.0 / ((k + 1) * (k + 1));
                }
            }
            c0--;
            c1--;
        }
        normalise(d);
        return d;
    }

    /** The s×s window, row-major, transposed if {@code transpose}. */
    public static float[] of(int s, boolean transpose) {
        double[][] d = new double[s][s];
        double[][] top = rectangles(s / 2, s);
        double[][] bottom = rectangles(s - s / 2, s);
        for (int i = 0; i < s / 2; i++) {
            d[i] = top[i].clone();
        }
        for (int i = 0; i < s - s / 2; i++) {
            for (int j = 0; j < s; j++) {
                d[s / 2 + i][j] = -bottom[i][j];
            }
        }
        normalise(d);
        float[] out = new float[s * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                out[i * s + j] = (float) (transpose ? d[j][i] : d[i][j]);
            }
        }
        return out;
    }

    private static void normalise(double[][] d) {
        double sum = 0;
        for (double[] row : d) {
            for (double v : row) {
                sum += v * v;
            }
        }
        double norm = Math.sqrt(sum);
        if (norm > 0) {
            for (double[] row : d) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= norm;
                }
            }
        }
    }
}
