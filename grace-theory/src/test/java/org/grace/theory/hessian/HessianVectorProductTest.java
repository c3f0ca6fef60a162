package org.grace.theory.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.SplittableRandom;
import org.grace.theory.spectral.DenseSymmetricOperator;
import org.grace.theory.spectral.SymmetricOperator;
import org.grace.theory.spectral.Vectors;
import org.junit.jupiter.api.Test;

class HessianVectorProductTest {

    private static final SoftmaxRegressionProblem PROBLEM = new SoftmaxRegressionProblem(40, 5, 4, 7L);
    private static final DenseSymmetricOperator ANALYTIC =
            SoftmaxRegressionHessian.of(PROBLEM.x, PROBLEM.w, PROBLEM.b);

    static double relativeError(double[] actual, double[] expected) {
        double[] diff = actual.clone();
        Vectors.axpy(-1.0, expected, diff);
        return Vectors.norm(diff) / Vectors.norm(expected);
    }

    static double worstError(SymmetricOperator op, SymmetricOperator reference, int trials) {
        SplittableRandom random = new SplittableRandom(11L);
        double worst = 0.0;
        for (int t = 0; t < trials; t++) {
            double[] v = new double[op.dimension()];
            for (int i = 0; i < v.length; i++) {
                v[i] = SoftmaxRegressionProblem.gaussian(random);
            }
            worst = Math.max(worst, relativeError(op.apply(v), reference.apply(v)));
        }
        return worst;
    }

    @Test
    void doubleBackwardInFloat64MatchesTheAnalyticHessian() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(
                     PROBLEM.parameters(manager, DataType.FLOAT64), PROBLEM.loss(manager))) {
            assertEquals(ANALYTIC.dimension(), hessian.dimension());
            double error = worstError(hessian, ANALYTIC, 4);
            assertTrue(error < 1e-12, "relative error " + error);
        }
    }

    @Test
    void repeatedProductsOnOneOperatorAreIdentical() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(
                     PROBLEM.parameters(manager, DataType.FLOAT64), PROBLEM.loss(manager))) {
            double[] v = Vectors.rademacher(hessian.dimension(), new SplittableRandom(3L));
            double[] first = hessian.apply(v);
            double[] second = hessian.apply(v);
            double[] third = hessian.apply(v);
            org.junit.jupiter.api.Assertions.assertArrayEquals(first, second);
            org.junit.jupiter.api.Assertions.assertArrayEquals(first, third);
        }
    }

    @Test
    void aSecondOperatorOnTheSameParametersIsNotDoubled() {
        // theory.md §4.2.4: a second createGraph session on the same leaves returns 2·Hv; each operator makes fresh ones
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterSubset subset = PROBLEM.parameters(manager, DataType.FLOAT64);
            double[] v = Vectors.rademacher(subset.dimension(), new SplittableRandom(5L));
            double[] first;
            try (DoubleBackwardHessian hessian = new DoubleBackwardHessian(subset, PROBLEM.loss(manager))) {
                first = hessian.apply(v);
            }
            try (DoubleBackwardHessian again = new DoubleBackwardHessian(subset, PROBLEM.loss(manager))) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(first, again.apply(v), 1e-14);
            }
            assertTrue(relativeError(first, ANALYTIC.apply(v)) < 1e-12);
        }
    }

    @Test
    void doubleBackwardInFloat32MatchesTheAnalyticHessianToSinglePrecision() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(
                     PROBLEM.parameters(manager, DataType.FLOAT32), PROBLEM.loss(manager))) {
            double error = worstError(hessian, ANALYTIC, 4);
            assertTrue(error < 1e-5, "relative error " + error);
        }
    }

    @Test
    void centralDifferencesInFloat64MatchTheAnalyticHessian() {
        try (NDManager manager = NDManager.newBaseManager();
             FiniteDifferenceHessian hessian = new FiniteDifferenceHessian(
                     PROBLEM.parameters(manager, DataType.FLOAT32), PROBLEM.loss(manager),
                     FiniteDifferenceConfig.float64())) {
            double error = worstError(hessian, ANALYTIC, 4);
            assertTrue(error < 1e-7, "relative error " + error);
        }
    }

    @Test
    void doubleBackwardAndCentralDifferencesAgreeWithEachOther() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian exact = new DoubleBackwardHessian(
                     PROBLEM.parameters(manager, DataType.FLOAT64), PROBLEM.loss(manager));
             FiniteDifferenceHessian differences = new FiniteDifferenceHessian(
                     PROBLEM.parameters(manager, DataType.FLOAT64), PROBLEM.loss(manager),
                     FiniteDifferenceConfig.float64())) {
            double error = worstError(differences, exact, 4);
            assertTrue(error < 1e-7, "relative error " + error);
        }
    }
}
