package org.grace.attacks.apgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class L1ProjectionTest {

    /** Reference: bisection on the soft threshold λ. */
    private static float[] bisection(float[] x, float[] v, double eps) {
        int d = x.length;
        double lo = 0;
        double hi = 0;
        for (float f : v) {
            hi = Math.max(hi, Math.abs(f));
        }
        double[] out = new double[d];
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double norm = 0;
            for (int i = 0; i < d; i++) {
                double u = v[i] >= 0 ? 1 - x[i] : x[i];
                norm += Math.min(Math.max(Math.abs(v[i]) - mid, 0), u);
            }
            if (norm > eps) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        float[] r = new float[d];
        for (int i = 0; i < d; i++) {
            double u = v[i] >= 0 ? 1 - x[i] : x[i];
            double lambda = hi;
            double clippedNorm = 0;
            for (int j = 0; j < d; j++) {
                clippedNorm += Math.min(Math.abs(v[j]), v[j] >= 0 ? 1 - x[j] : x[j]);
            }
            if (clippedNorm <= eps) {
                lambda = 0;
            }
            double mag = Math.min(Math.max(Math.abs(v[i]) - lambda, 0), u);
            r[i] = (float) (v[i] >= 0 ? mag : -mag);
        }
        return r;
    }

    @Test
    void matchesBisectionAndRespectsBallAndBox() {
        qt().withExamples(200).withFixedSeed(3L).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int d = 1 + r.nextInt(40);
            float[] x = new float[d];
            float[] v = new float[d];
            for (int i = 0; i < d; i++) {
                x[i] = r.nextInt(5) == 0 ? (r.nextBoolean() ? 0f : 1f) : (float) r.nextDouble();
                v[i] = (float) (r.nextGaussian() * r.nextDouble() * 2);
            }
            double eps = r.nextDouble() * 3;
            float[] out = new float[d];
            L1Projection.project(x, v, eps, out, 0, d);
            float[] expected = bisection(x, v, eps);
            double norm = 0;
            for (int i = 0; i < d; i++) {
                assertEquals(expected[i], out[i], 1e-5, "coordinate " + i);
                assertTrue(x[i] + out[i] >= -1e-7 && x[i] + out[i] <= 1 + 1e-7);
                norm += Math.abs(out[i]);
            }
            assertTrue(norm <= eps + 1e-5, norm + " > " + eps);
        });
    }

    @Test
    void pointsInsideTheBallAreUnchanged() {
        float[] x = {0.5f, 0.5f, 0.5f};
        float[] v = {0.1f, -0.2f, 0.05f};
        float[] out = new float[3];
        L1Projection.project(x, v, 1.0, out, 0, 3);
        assertEquals(0.1f, out[0]);
        assertEquals(-0.2f, out[1]);
        assertEquals(0.05f, out[2]);
    }
}
