package org.grace.theory.spectral;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymmetryCheckTest {

    @Test
    void acceptsASymmetricOperator() {
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.symmetric(15, 2L));
        assertDoesNotThrow(() -> SymmetryCheck.requireSymmetric(op, 5, 1e-12, 1L));
        assertTrue(SymmetryCheck.relativeAsymmetry(op, 5, 1L) < 1e-14);
    }

    @Test
    void detectsANonSymmetricOperator() {
        double[][] a = RandomMatrices.symmetric(15, 2L);
        a[0][3] += 0.5;
        SymmetricOperator skewed = SymmetricOperator.of(15, v -> {
            double[] out = new double[15];
            for (int i = 0; i < 15; i++) {
                out[i] = Vectors.dot(a[i], v);
            }
            return out;
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetryCheck.requireSymmetric(skewed, 5, 1e-6, 1L));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
    }

    @Test
    void denseOperatorRejectsAsymmetricRaggedAndNonFiniteMatrices() {
        assertThrows(IllegalArgumentException.class, () -> new DenseSymmetricOperator(new double[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> new DenseSymmetricOperator(new double[][] {{1, 2}, {2}}));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseSymmetricOperator(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
        assertThrows(IllegalArgumentException.class, () -> new DenseSymmetricOperator(new double[0][0]));
        assertThrows(IllegalArgumentException.class, () -> SymmetricOperator.of(0, v -> v));
        DenseSymmetricOperator op = DenseSymmetricOperator.diagonal(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> op.apply(new double[3]));
    }
}
