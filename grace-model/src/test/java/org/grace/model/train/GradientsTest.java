package org.grace.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientsTest {

    private static NDManager root;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    /** Parameters a [2], b [3] with gradients set to the given values by backward of Σ g·p. */
    private static List<NDArray> withGradients(NDManager m, float[] ga, float[] gb) {
        NDArray a = m.create(new float[] {1, 2});
        NDArray b = m.create(new float[] {3, 4, 5});
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        backward(m, a, b, ga, gb);
        return List.of(a, b);
    }

    private static void backward(NDManager m, NDArray a, NDArray b, float[] ga, float[] gb) {
        try (NDManager s = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(a.mul(s.create(ga)).sum().add(b.mul(s.create(gb)).sum()));
        }
    }

    private static float[] gradient(NDArray p) {
        try (NDManager s = root.newSubManager()) {
            NDArray g = p.getGradient();
            g.attach(s);
            return g.toFloatArray();
        }
    }

    @Test
    void clippingBoundsTheNormKeepsTheDirectionAndReturnsThePreClipNorm() {
        try (NDManager m = root.newSubManager()) {
            List<NDArray> p = withGradients(m, new float[] {3, 0}, new float[] {0, 4, 12});
            double before = Gradients.clipGlobalNorm(p, 1.0, m);
            assertEquals(13.0, before, 1e-5, "pre-clip norm √(3² + 4² + 12²)");
            double after = Gradients.globalNorm(p, m);
            assertTrue(after <= 1.0 + 1e-6, "norm after clipping " + after);
            assertEquals(1.0, after, 1e-5);
            float scale = gradient(p.get(0))[0] / 3;
            assertArrayEquals(new float[] {3 * scale, 0}, gradient(p.get(0)), 1e-6f);
            assertArrayEquals(new float[] {0, 4 * scale, 12 * scale}, gradient(p.get(1)), 1e-6f);
        }
    }

    @Test
    void gradientsBelowTheBoundAreLeftUntouched() {
        try (NDManager m = root.newSubManager()) {
            List<NDArray> p = withGradients(m, new float[] {0.3f, 0}, new float[] {0, 0.4f, 0});
            assertEquals(0.5, Gradients.clipGlobalNorm(p, 1.0, m), 1e-6);
            assertArrayEquals(new float[] {0.3f, 0}, gradient(p.get(0)), 0f);
        }
    }

    @Test
    void gradientsDoNotAccumulateAcrossStepsWhenZeroed() {
        try (NDManager m = root.newSubManager()) {
            float[] ga = {1, -2};
            float[] gb = {0.5f, 0, 3};
            List<NDArray> p = withGradients(m, ga, gb);
            float[] first = gradient(p.get(0));
            Gradients.zero(p, m);
            backward(m, p.get(0), p.get(1), ga, gb);
            assertArrayEquals(first, gradient(p.get(0)), 0f, "zeroed: the second step sees the same gradient");
            backward(m, p.get(0), p.get(1), ga, gb);
            assertArrayEquals(new float[] {2, -4}, gradient(p.get(0)), 0f, "without zeroing DJL accumulates");
        }
    }

    @Test
    void zeroingClearsNonFiniteGradients() {
        try (NDManager m = root.newSubManager()) {
            List<NDArray> p = withGradients(m, new float[] {Float.NaN, Float.POSITIVE_INFINITY}, new float[] {1, 1, 1});
            Gradients.zero(p, m);
            assertArrayEquals(new float[] {0, 0}, gradient(p.get(0)), 0f);
            assertEquals(0.0, Gradients.globalNorm(p, m), 0);
        }
    }

    @Test
    void helpersLeaveNothingBehindInTheParametersManager() {
        try (NDManager m = root.newSubManager()) {
            List<NDArray> p = withGradients(m, new float[] {1, 1}, new float[] {1, 1, 1});
            int before = m.getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                Gradients.zero(p, m);
                Gradients.clipGlobalNorm(p, 0.1, m);
            }
            assertEquals(before, m.getManagedArrays().size());
        }
    }
}
