package org.grace.model.pretrain;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class LinearProbeTest {

    /** {@code n} points per class around {@code 3 e_c} (one axis per class, {@code dim ≥ classes}), noise {@code sigma}. */
    private static double[][] clusters(int classes, int n, int dim, double sigma, long seed, int[] labels) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[classes * n][dim];
        for (int i = 0; i < x.length; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int k = 0; k < dim; k++) {
                x[i][k] = (k == c ? 3.0 : 0.0) + sigma * rnd.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void separatesWellSeparatedClustersPerfectly() {
        qt().withExamples(20).forAll(integers().between(1, 10_000)).checkAssert(seed -> {
            int[] trainLabels = new int[160];
            int[] testLabels = new int[80];
            double[][] train = clusters(8, 20, 10, 0.3, seed, trainLabels);
            double[][] test = clusters(8, 10, 10, 0.3, seed + 1, testLabels);
            LinearProbe probe = LinearProbe.fit(train, trainLabels, 8, 1e-4);
            assertEquals(1.0, probe.accuracy(test, testLabels), "seed " + seed);
        });
    }

    @Test
    void pureNoiseFeaturesGiveChanceLevelAccuracy() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 4000;
        double[][] x = new double[n][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int k = 0; k < 8; k++) {
                x[i][k] = rnd.nextGaussian();
            }
        }
        LinearProbe probe = LinearProbe.fit(java.util.Arrays.copyOf(x, n / 2),
                java.util.Arrays.copyOf(labels, n / 2), 4, 1e-2);
        double accuracy = probe.accuracy(java.util.Arrays.copyOfRange(x, n / 2, n),
                java.util.Arrays.copyOfRange(labels, n / 2, n));
        assertTrue(accuracy > 0.19 && accuracy < 0.31, "accuracy on noise " + accuracy + " should be near 1/4");
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        double[][] x = {{0, 1}, {1, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 2}, 2, 0.1));
        assertTrue(e.getMessage().contains("label 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(x, new int[] {0}, 2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(x, new int[] {0, 1}, 2, 0.0));
        LinearProbe probe = LinearProbe.fit(x, new int[] {0, 1}, 2, 0.1);
        assertThrows(IllegalArgumentException.class, () -> probe.predict(new double[] {1, 2, 3}));
    }
}
