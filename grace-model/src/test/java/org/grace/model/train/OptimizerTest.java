package org.grace.model.train;

import ai.djl.ndarray.NDManager;
import org.grace.model.io.FloatTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {

    private static final double[] RATES = {0.1, 0.05, 0.2, 0.1};
    private static NDManager root;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    @Test
    void adamWMatchesTheTorchFormulaOnATwoParameterProblem() {
        double b1 = 0.9;
        double b2 = 0.99;
        double eps = 1e-8;
        double wd = 0.1;
        double[] x = {TwoParameterProblem.U0[0], TwoParameterProblem.U0[1], TwoParameterProblem.V0};
        double[] m = new double[3];
        double[] v = new double[3];
        try (TwoParameterProblem problem = new TwoParameterProblem(root);
             Optimizer adam = Optimizer.create(OptimizerConfig.adamW(wd, b1, b2, eps), problem.manager)) {
            for (int t = 1; t <= RATES.length; t++) {
                double lr = RATES[t - 1];
                double[] g = TwoParameterProblem.gradient(x);
                for (int i = 0; i < 3; i++) {
                    x[i] *= 1 - lr * wd;
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    double mHat = m[i] / (1 - Math.pow(b1, t));
                    double vHat = v[i] / (1 - Math.pow(b2, t));
                    x[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                }
                problem.computeGradients();
                try (NDManager scratch = root.newSubManager()) {
                    adam.step(problem.parameters, lr, scratch);
                }
                assertClose(x, problem.values(), "after AdamW step " + t);
            }
            assertEquals(RATES.length, adam.stepCount());
        }
    }

    @Test
    void sgdWithMomentumMatchesTheTorchFormula() {
        checkSgd(false);
    }

    @Test
    void sgdWithNesterovMomentumMatchesTheTorchFormula() {
        checkSgd(true);
    }

    private void checkSgd(boolean nesterov) {
        double mu = 0.9;
        double wd = 0.01;
        double[] x = {TwoParameterProblem.U0[0], TwoParameterProblem.U0[1], TwoParameterProblem.V0};
        double[] buffer = new double[3];
        try (TwoParameterProblem problem = new TwoParameterProblem(root);
             Optimizer sgd = Optimizer.create(OptimizerConfig.sgd(mu, nesterov, wd), problem.manager)) {
            for (int t = 1; t <= RATES.length; t++) {
                double lr = RATES[t - 1];
                double[] g = TwoParameterProblem.gradient(x);
                for (int i = 0; i < 3; i++) {
                    double d = g[i] + wd * x[i];
                    buffer[i] = t == 1 ? d : mu * buffer[i] + d;
                    double direction = nesterov ? d + mu * buffer[i] : buffer[i];
                    x[i] -= lr * direction;
                }
                problem.computeGradients();
                try (NDManager scratch = root.newSubManager()) {
                    sgd.step(problem.parameters, lr, scratch);
                }
                assertClose(x, problem.values(), "after SGD step " + t + (nesterov ? " (Nesterov)" : ""));
            }
        }
    }

    @Test
    void plainSgdIsGradientDescent() {
        try (TwoParameterProblem problem = new TwoParameterProblem(root);
             Optimizer sgd = Optimizer.create(OptimizerConfig.sgd(0, false, 0), problem.manager)) {
            double[] x = problem.values();
            double[] g = TwoParameterProblem.gradient(x);
            problem.computeGradients();
            try (NDManager scratch = root.newSubManager()) {
                sgd.step(problem.parameters, 0.1, scratch);
            }
            assertClose(new double[] {x[0] - 0.1 * g[0], x[1] - 0.1 * g[1], x[2] - 0.1 * g[2]}, problem.values(), "SGD");
            assertTrue(sgd.exportState().isEmpty(), "no momentum buffer without momentum");
        }
    }

    @Test
    void exportedStateContinuesExactlyInAFreshOptimizer() {
        for (OptimizerConfig config : new OptimizerConfig[] {OptimizerConfig.adamW(0.05), OptimizerConfig.sgd(0.9, true, 0.01)}) {
            try (TwoParameterProblem a = new TwoParameterProblem(root);
                 TwoParameterProblem b = new TwoParameterProblem(root);
                 Optimizer first = Optimizer.create(config, a.manager);
                 Optimizer second = Optimizer.create(config, b.manager)) {
                for (int t = 0; t < 2; t++) {
                    stepWith(a, first, RATES[t]);
                    stepWith(b, second, RATES[t]);
                }
                Map<String, FloatTensor> state = first.exportState();
                try (Optimizer restored = Optimizer.create(config, b.manager)) {
                    restored.importState(state, first.stepCount(), b.parameters);
                    stepWith(a, first, RATES[2]);
                    stepWith(b, restored, RATES[2]);
                    assertArrayEquals(a.values(), b.values(), 0.0, config.kind() + ": restored state must continue bit for bit");
                }
            }
        }
    }

    @Test
    void importRejectsStateOfUnknownParametersOrWrongShape() {
        try (TwoParameterProblem p = new TwoParameterProblem(root);
             Optimizer adam = Optimizer.create(OptimizerConfig.adamW(0), p.manager)) {
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> adam.importState(
                    Map.of("w/exp_avg", new FloatTensor(new long[] {2}, new float[2])), 1, p.parameters));
            assertTrue(unknown.getMessage().contains("w/exp_avg"), unknown.getMessage());
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> adam.importState(
                    Map.of("u/exp_avg", new FloatTensor(new long[] {3}, new float[3])), 1, p.parameters));
            assertTrue(shape.getMessage().contains("[3]"), shape.getMessage());
        }
    }

    @Test
    void configRejectsInvalidHyperparameters() {
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adamW(-0.1));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adamW(0, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adamW(0, 0.9, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(0, true, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(1.5, false, 0));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
    }

    private static void stepWith(TwoParameterProblem p, Optimizer o, double lr) {
        p.computeGradients();
        try (NDManager scratch = root.newSubManager()) {
            o.step(p.parameters, lr, scratch);
        }
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, what + ", coordinate " + i);
        }
    }
}
