package org.grace.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StudentTTest {

    /** t_{0.975, n−1} for n = 2..10, from printed tables. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};

    @Test
    void quantilesMatchPrintedTablesForTwoToTenSeeds() {
        for (int n = 2; n <= 10; n++) {
            assertEquals(T975[n - 2], StudentT.twoSidedQuantile(0.95, n - 1), 5e-4, "n = " + n);
        }
    }

    @Test
    void approachesTheNormalQuantileForManyDegreesOfFreedom() {
        assertEquals(1.960, StudentT.twoSidedQuantile(0.95, 100_000), 1e-3);
        assertEquals(2.576, StudentT.twoSidedQuantile(0.99, 100_000), 1e-3);
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedQuantile(0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedQuantile(1.0, 3));
    }
}
