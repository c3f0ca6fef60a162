package org.grace.theory.spectral;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Eigen-decomposition T = S·diag(θ)·Sᵀ of a symmetric tridiagonal matrix (diagonal α, off-diagonal β),
 * the small eigenproblem at the heart of Lanczos. Solved by Commons Math's implicit QL routine for
 * tridiagonal matrices ({@code EigenDecomposition(main, secondary)}), since DJL 0.36 has no eigh
 * (theory.md §0.2). Eigenvalues are returned in ascending order; column i of S is the unit
 * eigenvector of θ_i.
 */
public final class TridiagonalEigen {

    private final double[] values;
    private final double[][] vectors;

    private TridiagonalEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * @param alpha diagonal, length m ≥ 1
     * @param beta  off-diagonal, length ≥ m − 1 (only the first m − 1 entries are read)
     */
    public static TridiagonalEigen of(double[] alpha, double[] beta, int m) {
        if (m < 1 || alpha.length < m || (m > 1 && beta.length < m - 1)) {
            throw new IllegalArgumentException("tridiagonal of order " + m + " needs alpha of length >= " + m
                    + " and beta of length >= " + (m - 1) + "; got " + alpha.length + " and " + beta.length);
        }
        if (m == 1) {
            return new TridiagonalEigen(new double[] {alpha[0]}, new double[][] {{1.0}});
        }
        EigenDecomposition eig = new EigenDecomposition(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m - 1));
        double[] raw = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> raw[i]));
        double[] values = new double[m];
        double[][] vectors = new double[m][m];
        for (int c = 0; c < m; c++) {
            values[c] = raw[order[c]];
            for (int r = 0; r < m; r++) {
                vectors[r][c] = v.getEntry(r, order[c]);
            }
        }
        return new TridiagonalEigen(values, vectors);
    }

    public int order() {
        return values.length;
    }

    /** Eigenvalue i in ascending order. */
    public double value(int i) {
        return values[i];
    }

    /** All eigenvalues, ascending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Component r of the unit eigenvector of eigenvalue i. */
    public double vectorComponent(int r, int i) {
        return vectors[r][i];
    }
}
