package org.grace.theory.spectral;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Seeded random symmetric matrices and their dense eigenvalues from EJML (an independent solver). */
final class RandomMatrices {

    private RandomMatrices() {
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    /** (G + Gᵀ)/2 with standard Gaussian G. */
    static double[][] symmetric(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double g = gaussian(random);
                a[i][j] = g;
                a[j][i] = g;
            }
        }
        return a;
    }

    /** Q diag(spectrum) Qᵀ with Q a random orthogonal matrix (Gram–Schmidt of a Gaussian matrix). */
    static double[][] withSpectrum(double[] spectrum, long seed) {
        int n = spectrum.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[n][];
        for (int c = 0; c < n; c++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = gaussian(random);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    Vectors.axpy(-Vectors.dot(q[p], v), q[p], v);
                }
            }
            Vectors.scale(1.0 / Vectors.norm(v), v);
            q[c] = v;
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.0;
                for (int c = 0; c < n; c++) {
                    s += q[c][i] * spectrum[c] * q[c][j];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    /** All eigenvalues, ascending, by EJML's symmetric QR algorithm. */
    static double[] eigenvalues(double[][] a) {
        int n = a.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(new DMatrixRMaj(a))) {
            throw new IllegalStateException("EJML eigen-decomposition failed");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        return values;
    }
}
