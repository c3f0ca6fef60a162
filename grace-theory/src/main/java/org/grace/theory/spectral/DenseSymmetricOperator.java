package org.grace.theory.spectral;

/**
 * A symmetric operator given by an explicit N×N matrix, used as ground truth in tests and for small
 * analytic Hessians. The constructor copies the matrix and rejects non-square, non-finite or
 * non-symmetric input (|a_ij − a_ji| > 1e-10·max|a|).
 */
public final class DenseSymmetricOperator implements SymmetricOperator {

    private static final double SYMMETRY_TOLERANCE = 1e-10;

    private final double[][] matrix;

    public DenseSymmetricOperator(double[][] matrix) {
        if (matrix == null || matrix.length == 0) {
            throw new IllegalArgumentException("matrix must be non-empty");
        }
        int n = matrix.length;
        double maxAbs = 0.0;
        this.matrix = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException("matrix row " + i + " has length "
                        + (matrix[i] == null ? "null" : matrix[i].length) + ", expected " + n + " (square matrix)");
            }
            this.matrix[i] = matrix[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException("matrix entry (" + i + "," + j + ") is " + matrix[i][j]);
                }
                maxAbs = Math.max(maxAbs, Math.abs(matrix[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(matrix[i][j] - matrix[j][i]) > SYMMETRY_TOLERANCE * Math.max(1.0, maxAbs)) {
                    throw new IllegalArgumentException("matrix is not symmetric: entry (" + i + "," + j + ")="
                            + matrix[i][j] + " but (" + j + "," + i + ")=" + matrix[j][i]);
                }
            }
        }
    }

    /** A diagonal operator diag(d). */
    public static DenseSymmetricOperator diagonal(double[] d) {
        double[][] m = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            m[i][i] = d[i];
        }
        return new DenseSymmetricOperator(m);
    }

    @Override
    public int dimension() {
        return matrix.length;
    }

    @Override
    public double[] apply(double[] v) {
        Vectors.requireLength(v, matrix.length, "v");
        double[] out = new double[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = Vectors.dot(matrix[i], v);
        }
        return out;
    }

    /** The exact trace Σ a_ii. */
    public double trace() {
        double t = 0.0;
        for (int i = 0; i < matrix.length; i++) {
            t += matrix[i][i];
        }
        return t;
    }

    /** A copy of the matrix. */
    public double[][] toArray() {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
