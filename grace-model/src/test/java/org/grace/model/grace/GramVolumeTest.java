package org.grace.model.grace;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.floats;

class GramVolumeTest {

    private static NDManager m;

    @BeforeAll
    static void setUp() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    private static Gen<Float[]> vectors(int n) {
        return arrays().ofClass(floats().between(-3f, 3f), Float.class).withLength(n);
    }

    private static NDArray row(Float[] v, int from) {
        float[] f = new float[3];
        for (int i = 0; i < 3; i++) {
            f[i] = v[from + i];
        }
        return m.create(f, new Shape(1, 3));
    }

    private static double volume(NDArray a, NDArray b, NDArray c) {
        try (NDManager local = m.newSubManager()) {
            return GramVolume.volumes(a, b, c, 0).getFloat(0);
        }
    }

    @Test
    void equalsTheTripleProductForThreeVectorsIn3d() {
        qt().forAll(vectors(9)).checkAssert(v -> {
            double[] a = {v[0], v[1], v[2]};
            double[] b = {v[3], v[4], v[5]};
            double[] c = {v[6], v[7], v[8]};
            double triple = a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
            assertEquals(Math.abs(triple), volume(row(v, 0), row(v, 3), row(v, 6)), 1e-3 * (1 + Math.abs(triple)));
        });
    }

    @Test
    void isInvariantToTheOrderOfTheThree() {
        qt().forAll(vectors(9)).checkAssert(v -> {
            NDArray a = row(v, 0);
            NDArray b = row(v, 3);
            NDArray c = row(v, 6);
            double abc = volume(a, b, c);
            for (double other : new double[] {volume(b, a, c), volume(c, b, a), volume(a, c, b), volume(b, c, a)}) {
                assertEquals(abc, other, 1e-4 * (1 + abc));
            }
        });
    }

    @Test
    void isAtMostTheProductOfTheNorms() {
        qt().forAll(vectors(9)).checkAssert(v -> {
            NDArray a = row(v, 0);
            NDArray b = row(v, 3);
            NDArray c = row(v, 6);
            double bound = a.norm().getFloat() * b.norm().getFloat() * c.norm().getFloat();
            assertTrue(volume(a, b, c) <= bound * (1 + 1e-5) + 1e-6);
        });
    }

    @Test
    void isZeroForCollinearFeatures() {
        qt().forAll(vectors(3), floats().between(-2f, 2f), floats().between(-2f, 2f)).checkAssert((v, s, t) -> {
            NDArray a = row(v, 0);
            assertEquals(0, volume(a, a.mul(s), a.mul(t)), 1e-4);
        });
    }

    @Test
    void lossOfIdenticalFeaturesIsTheEpsilonFloorAndItsGradientIsFinite() {
        NDArray f = m.randomNormal(new Shape(4, 16));
        for (NDArray start : new NDArray[] {f, f.add(m.randomNormal(0, 1e-3f, new Shape(4, 16), ai.djl.ndarray.types.DataType.FLOAT32))}) {
            NDArray x = f.duplicate();
            NDArray y = start.duplicate();
            NDArray z = f.duplicate();
            for (NDArray p : new NDArray[] {x, y, z}) {
                p.setRequiresGradient(true);
            }
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = GramVolume.loss(x, y, z, GramVolume.DEFAULT_EPSILON);
                value = loss.getFloat();
                gc.backward(loss);
            }
            assertTrue(value >= 0 && value < 1e-2, "loss " + value);
            for (NDArray p : new NDArray[] {x, y, z}) {
                for (float g : p.getGradient().toFloatArray()) {
                    assertTrue(Float.isFinite(g), "gradient must be finite at and near 0");
                }
            }
        }
        double eps = GramVolume.DEFAULT_EPSILON;
        try (NDManager local = m.newSubManager()) {
            NDArray unit = local.create(new float[] {1, 0, 0}, new Shape(1, 3));
            assertEquals(Math.sqrt((3 + eps) * eps * eps), GramVolume.loss(unit, unit, unit, eps).getFloat(), 1e-9);
        }
    }

    @Test
    void orthonormalFeaturesHaveUnitVolume() {
        NDArray e1 = m.create(new float[] {1, 0, 0, 0}, new Shape(1, 4));
        NDArray e2 = m.create(new float[] {0, 2, 0, 0}, new Shape(1, 4));
        NDArray e3 = m.create(new float[] {0, 0, 0, 5}, new Shape(1, 4));
        assertEquals(1.0, GramVolume.loss(e1, e2, e3, 0).getFloat(), 1e-6);
    }

    @Test
    void mismatchedShapesAndNegativeEpsilonAreRejected() {
        NDArray a = m.zeros(new Shape(2, 3));
        NDArray b = m.zeros(new Shape(2, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GramVolume.volumes(a, b, a, 0));
        assertTrue(e.getMessage().contains("(2, 4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GramVolume.volumes(a, a, a, -1));
    }
}
