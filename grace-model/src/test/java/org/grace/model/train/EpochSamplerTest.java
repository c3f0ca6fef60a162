package org.grace.model.train;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class EpochSamplerTest {

    @Test
    void everyPassVisitsEachExampleExactlyOnce() {
        qt().forAll(integers().between(1, 60), integers().between(1, 17)).checkAssert((n, b) -> {
            EpochSampler sampler = new EpochSampler(n, 5, b);
            int[] counts = new int[n];
            int stepsForThreePasses = 3 * n / b;
            for (int step = 1; step <= stepsForThreePasses; step++) {
                for (int i : sampler.indices(step)) {
                    counts[i]++;
                }
            }
            int seen = stepsForThreePasses * b;
            for (int c : counts) {
                assertEquals(seen / n, c, 1, "examples are seen evenly: " + Arrays.toString(counts));
            }
        });
    }

    @Test
    void stepsAreAPureFunctionOfSeedAndStep() {
        EpochSampler a = new EpochSampler(100, 3, 32);
        EpochSampler b = new EpochSampler(100, 3, 32);
        assertArrayEquals(a.indices(7), b.indices(7));
        assertEquals(false, Arrays.equals(a.indices(7), new EpochSampler(100, 4, 32).indices(7)));
        assertThrows(IllegalArgumentException.class, () -> a.indices(0));
        assertThrows(IllegalArgumentException.class, () -> new EpochSampler(0, 1, 1));
    }
}
