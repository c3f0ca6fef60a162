package org.grace.model.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class IndexOrderTest {

    @Test
    void shuffleIsAPermutation() {
        qt().forAll(integers().between(0, 500), longs().all()).checkAssert((n, seed) -> {
            int[] order = IndexOrder.shuffled(n, seed);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(IndexOrder.identity(n), sorted);
        });
    }

    @Test
    void sameSeedSameOrderAndEpochsDiffer() {
        assertArrayEquals(IndexOrder.shuffled(100, 42L), IndexOrder.shuffled(100, 42L));
        assertArrayEquals(IndexOrder.shuffled(100, 42L, 3), IndexOrder.shuffled(100, 42L, 3));
        assertFalse(Arrays.equals(IndexOrder.shuffled(100, 42L, 0), IndexOrder.shuffled(100, 42L, 1)));
        assertFalse(Arrays.equals(IndexOrder.shuffled(100, 42L), IndexOrder.shuffled(100, 43L)));
    }

    @Test
    void shuffleIsPinned() {
        assertArrayEquals(new int[] {1, 5, 0, 4, 2, 8, 7, 3, 9, 6}, IndexOrder.shuffled(10, 7L), Arrays.toString(IndexOrder.shuffled(10, 7L)));
    }
}
