package org.grace.attacks.fab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.grace.attacks.Norm;
import org.junit.jupiter.api.Test;

class BoxHyperplaneProjectionTest {

    private static final float[] X = {0.5f, 0.5f, 0.5f};
    private static final float[] W = {1f, -2f, 4f};

    private static float[] project(Norm norm, float[] x, float[] w, double b) {
        float[] out = new float[x.length];
        BoxHyperplaneProjection.project(norm, x, 0, w, 0, b, x.length, out);
        return out;
    }

    @Test
    void withoutActiveBoxTheProjectionsHaveTheirTextbookForm() {
        // w·x = 1.5; target b = 1.6 → c = 0.1
        float[] l2 = project(Norm.L2, X, W, 1.6);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.1 * W[i] / 21.0, l2[i], 1e-7);
        }
        float[] linf = project(Norm.LINF, X, W, 1.6);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.1 / 7.0 * Math.signum(W[i]), linf[i], 1e-7);
        }
        float[] l1 = project(Norm.L1, X, W, 1.6);
        assertEquals(0.0, l1[0], 1e-12);
        assertEquals(0.0, l1[1], 1e-12);
        assertEquals(0.1 / 4.0, l1[2], 1e-7);
    }

    @Test
    void reachesTheHyperplaneInsideTheBoxWhenFeasible() {
        qt().withExamples(200).withFixedSeed(5L).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int d = 1 + r.nextInt(30);
            float[] x = new float[d];
            float[] w = new float[d];
            double reachableUp = 0;
            double wx = 0;
            for (int i = 0; i < d; i++) {
                x[i] = (float) r.nextDouble();
                w[i] = (float) r.nextGaussian();
                wx += w[i] * x[i];
                reachableUp += Math.abs(w[i]) * (w[i] > 0 ? 1 - x[i] : x[i]);
            }
            double b = wx + reachableUp * r.nextDouble();
            for (Norm norm : Norm.values()) {
                float[] delta = project(norm, x, w, b);
                double reached = 0;
                for (int i = 0; i < d; i++) {
                    float z = x[i] + delta[i];
                    assertTrue(z >= -1e-6 && z <= 1 + 1e-6, norm + " leaves the box");
                    reached += w[i] * (double) z;
                }
                assertEquals(b, reached, 1e-4 * (1 + Math.abs(b)), norm.label());
            }
        });
    }

    @Test
    void unreachableHyperplaneSaturatesTheBox() {
        float[] delta = project(Norm.LINF, X, W, 100);
        assertEquals(0.5f, delta[0]);
        assertEquals(-0.5f, delta[1]);
        assertEquals(0.5f, delta[2]);
    }
}
