package org.grace.theory.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GaussianSharpnessTest {

    @Test
    void isExactInExpectationForAQuadraticLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray diagonal = manager.create(new double[] {1, 2, 3, 4});
            // L(θ) = ½ Σ d_i θ_i², Hessian diag(d), trace 10
            Function<List<NDArray>, NDArray> quadratic = p -> p.get(0).square().mul(diagonal).sum().div(2);
            ParameterSubset subset = ParameterSubset.of(List.of(manager.create(new double[] {0.3, -0.1, 0.2, 0.5})));
            GaussianSharpness.Result r = new GaussianSharpness(subset, quadratic, true).estimate(0.1, 10.0, 400, 3L);
            assertEquals(0.05, r.taylor(), 1e-15);
            assertTrue(Math.abs(r.mean() - r.taylor()) <= 4.5 * r.standardError(), r.toString());
        }
    }

    @Test
    void secondOrderTermDescribesSmallNoiseOnSoftmaxRegressionAndFailsForLargeNoise() {
        SoftmaxRegressionProblem problem = new SoftmaxRegressionProblem(40, 5, 4, 7L);
        double trace = SoftmaxRegressionHessian.of(problem.x, problem.w, problem.b).trace();
        try (NDManager manager = NDManager.newBaseManager()) {
            GaussianSharpness sharpness = new GaussianSharpness(problem.parameters(manager, DataType.FLOAT64),
                    problem.loss(manager), true);
            GaussianSharpness.Result small = sharpness.estimate(1e-2, trace, 100, 1L);
            assertEquals(1.0, small.ratio(), 4.5 * small.standardError() / small.taylor() + 0.02, small.toString());
            GaussianSharpness.Result large = sharpness.estimate(3.0, trace, 30, 1L);
            assertTrue(large.ratio() < 0.5, "cross-entropy grows at most linearly, far below the quadratic term: " + large);
        }
    }

    @Test
    void rejectsBadSettings() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterSubset subset = ParameterSubset.of(List.of(manager.create(new double[] {1, 2})));
            GaussianSharpness s = new GaussianSharpness(subset, p -> p.get(0).sum(), true);
            assertThrows(IllegalArgumentException.class, () -> s.estimate(0.0, 1.0, 10, 1L));
            assertThrows(IllegalArgumentException.class, () -> s.estimate(0.1, 1.0, 1, 1L));
            assertThrows(IllegalArgumentException.class, () -> s.estimate(0.1, Double.NaN, 10, 1L));
        }
    }
}
