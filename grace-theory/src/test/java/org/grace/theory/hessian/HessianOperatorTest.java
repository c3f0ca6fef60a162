package org.grace.theory.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.grace.theory.spectral.BlockLayout;
import org.grace.theory.spectral.BlockTrace;
import org.grace.theory.spectral.DenseSymmetricOperator;
import org.grace.theory.spectral.HutchinsonConfig;
import org.grace.theory.spectral.LanczosConfig;
import org.grace.theory.spectral.LanczosResult;
import org.grace.theory.spectral.LanczosSolver;
import org.grace.theory.spectral.SymmetryCheck;
import org.grace.theory.spectral.TraceEstimate;
import org.grace.theory.spectral.Vectors;
import org.junit.jupiter.api.Test;

class HessianOperatorTest {

    private static final MlpProblem MLP = new MlpProblem(64, 6, 8, 3, 5L);

    @Test
    void mlpDoubleBackwardAndFloat64CentralDifferencesAgree() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian exact = new DoubleBackwardHessian(MLP.parameters(manager, DataType.FLOAT64), MLP.loss(manager));
             FiniteDifferenceHessian differences = new FiniteDifferenceHessian(MLP.parameters(manager, DataType.FLOAT32),
                     MLP.loss(manager), FiniteDifferenceConfig.float64())) {
            double error = HessianVectorProductTest.worstError(differences, exact, 3);
            assertTrue(error < 1e-7, "relative error " + error);
        }
    }

    @Test
    void float32CentralDifferencesReachTheirExpectedAccuracy() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian exact = new DoubleBackwardHessian(MLP.parameters(manager, DataType.FLOAT64), MLP.loss(manager));
             FiniteDifferenceHessian differences = new FiniteDifferenceHessian(MLP.parameters(manager, DataType.FLOAT32),
                     MLP.loss(manager), FiniteDifferenceConfig.nativePrecision())) {
            double error = HessianVectorProductTest.worstError(differences, exact, 3);
            assertTrue(error < 1e-2, "relative error " + error);
        }
    }

    @Test
    void theDjlHessianPassesTheSymmetryCheckAndADataChangingLossFailsIt() {
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(MLP.parameters(manager, DataType.FLOAT32), MLP.loss(manager))) {
            SymmetryCheck.requireSymmetric(hessian, 3, 1e-4, 1L);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Function<List<NDArray>, NDArray> fixed = MLP.loss(manager);
            int[] calls = {0};
            // a loss whose data drifts between gradient evaluations, as an un-frozen PGD batch would
            Function<List<NDArray>, NDArray> drifting = p -> fixed.apply(p).mul(1.0 + 0.5 * (calls[0]++ % 2));
            FiniteDifferenceHessian unstable = new FiniteDifferenceHessian(MLP.parameters(manager, DataType.FLOAT64),
                    drifting, FiniteDifferenceConfig.float64());
            assertThrows(IllegalArgumentException.class, () -> SymmetryCheck.requireSymmetric(unstable, 3, 1e-4, 1L));
        }
    }

    @Test
    void lanczosOnTheDjlHessianFindsTheAnalyticLambdaMax() {
        SoftmaxRegressionProblem problem = new SoftmaxRegressionProblem(50, 6, 4, 3L);
        DenseSymmetricOperator analytic = SoftmaxRegressionHessian.of(problem.x, problem.w, problem.b);
        LanczosConfig config = new LanczosConfig(analytic.dimension(), 2, 1e-8, 9L);
        LanczosResult dense = new LanczosSolver(config).solve(analytic);
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(problem.parameters(manager, DataType.FLOAT64),
                     problem.loss(manager))) {
            LanczosResult djl = new LanczosSolver(config).solve(hessian);
            assertEquals(dense.lambdaMax(), djl.lambdaMax(), 1e-8 * dense.lambdaMax());
            assertEquals(dense.top().get(1).value(), djl.top().get(1).value(), 1e-6 * dense.lambdaMax());
        }
    }

    @Test
    void perLayerTracesOfTheDjlHessianMatchTheAnalyticDiagonalBlocks() {
        SoftmaxRegressionProblem problem = new SoftmaxRegressionProblem(30, 4, 3, 4L);
        double[][] h = SoftmaxRegressionHessian.of(problem.x, problem.w, problem.b).toArray();
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(problem.parameters(manager, DataType.FLOAT64),
                     problem.loss(manager))) {
            BlockLayout layout = hessian.parameters().layout();
            assertEquals(List.of("weight", "bias"), hessian.parameters().names());
            Map<String, TraceEstimate> traces = new BlockTrace(new HutchinsonConfig(120, 120, 1e-12, 0.0, 2L))
                    .estimate(hessian, layout);
            for (BlockLayout.Block block : layout.blocks()) {
                double exact = 0.0;
                for (int i = block.offset(); i < block.offset() + block.length(); i++) {
                    exact += h[i][i];
                }
                TraceEstimate estimate = traces.get(block.name());
                assertTrue(Math.abs(estimate.mean() - exact) <= 4.5 * estimate.standardError() + 1e-10,
                        block.name() + ": " + estimate + " vs " + exact);
            }
        }
    }

    @Test
    void parameterSubsetFlattensAndUnflattensInOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterSubset subset = MLP.parameters(manager, DataType.FLOAT32);
            double[] flat = subset.flatten();
            assertEquals(8 * 6 + 8 + 3 * 8 + 3, flat.length);
            List<NDArray> back = subset.unflatten(flat, manager, DataType.FLOAT64);
            for (int i = 0; i < back.size(); i++) {
                assertEquals(subset.values().get(i).getShape(), back.get(i).getShape());
            }
            assertEquals(flat[0], back.get(0).toDoubleArray()[0]);
            assertEquals(flat[8 * 6], back.get(1).toDoubleArray()[0]);
        }
    }

    @Test
    void badLossesAndParametersGetClearExceptions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterSubset subset = MLP.parameters(manager, DataType.FLOAT32);
            IllegalArgumentException vector = assertThrows(IllegalArgumentException.class,
                    () -> new DoubleBackwardHessian(subset, p -> p.get(0).sum(new int[] {1})));
            assertTrue(vector.getMessage().contains("scalar"), vector.getMessage());
            assertThrows(ArithmeticException.class,
                    () -> new DoubleBackwardHessian(subset, p -> p.get(0).sum().mul(Float.NaN)));
            try (DoubleBackwardHessian hessian = new DoubleBackwardHessian(subset, MLP.loss(manager))) {
                assertThrows(IllegalArgumentException.class, () -> hessian.apply(new double[3]));
                double[] nan = new double[hessian.dimension()];
                nan[0] = Double.NaN;
                assertThrows(ArithmeticException.class, () -> hessian.apply(nan));
            }
            assertThrows(IllegalArgumentException.class, () -> ParameterSubset.of(Map.of()));
            assertThrows(IllegalArgumentException.class,
                    () -> ParameterSubset.of(Map.of("int", manager.create(new int[] {1, 2}))));
            assertThrows(IllegalArgumentException.class,
                    () -> ParameterSubset.of(Map.of("nan", manager.create(new float[] {Float.NaN}))));
            assertThrows(IllegalArgumentException.class,
                    () -> subset.unflatten(new double[2], manager, DataType.FLOAT32));
        }
    }

    @Test
    void lossGradientMatchesTheAnalyticSoftmaxGradient() {
        SoftmaxRegressionProblem problem = new SoftmaxRegressionProblem(20, 3, 3, 6L);
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterSubset subset = problem.parameters(manager, DataType.FLOAT64);
            double[] g = new LossGradient(subset, problem.loss(manager)).atCurrent();
            double[] expected = new double[g.length];
            for (int i = 0; i < problem.x.length; i++) {
                double[] p = SoftmaxRegressionHessian.probabilities(problem.x[i], problem.w, problem.b);
                for (int k = 0; k < 3; k++) {
                    double r = (p[k] - (problem.y[i] == k ? 1 : 0)) / problem.x.length;
                    for (int j = 0; j < 3; j++) {
                        expected[k * 3 + j] += r * problem.x[i][j];
                    }
                    expected[9 + k] += r;
                }
            }
            double[] diff = g.clone();
            Vectors.axpy(-1, expected, diff);
            assertTrue(Vectors.norm(diff) < 1e-12 * Vectors.norm(expected));
            // gradients never accumulate into the subset's own arrays
            assertEquals(0.0, Vectors.norm(new LossGradient(subset, problem.loss(manager)).atCurrent()) - Vectors.norm(g), 1e-15);
        }
    }
}
