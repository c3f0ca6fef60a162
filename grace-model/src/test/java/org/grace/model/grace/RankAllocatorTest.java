package org.grace.model.grace;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class RankAllocatorTest {

    private static double[] unbox(Double[] d) {
        return Arrays.stream(d).mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void ranksAreMonotoneInCurvatureAndWithinTheBudget() {
        qt().forAll(arrays().ofClass(doubles().between(0, 10), Double.class).withLengthBetween(1, 40),
                integers().between(1, 8)).checkAssert((boxed, budget) -> {
                    double[] s = unbox(boxed);
                    RankCurriculum c = new RankCurriculum(true, new double[] {0.25, 0.75}, new int[] {1, 4, 8}, budget);
                    int[] r = RankAllocator.allocate(s, c);
                    assertTrue(Arrays.stream(r).sum() <= c.budget(s.length) || Arrays.stream(r).allMatch(x -> x == 1),
                            "budget " + c.budget(s.length) + " ranks " + Arrays.toString(r));
                    for (int i = 0; i < s.length; i++) {
                        assertTrue(r[i] >= 1 && r[i] <= 8);
                        for (int j = 0; j < s.length; j++) {
                            if (s[i] > s[j]) {
                                assertTrue(r[i] >= r[j], "layer " + i + " is sharper than " + j + " but got a lower rank");
                            }
                        }
                    }
                });
    }

    @Test
    void curriculumGivesTheSharpestQuarterTheTopRankAndTheFlattestTheMinimum() {
        double[] s = {0.1, 5, 0.2, 3, 2, 9, 0.05, 1};
        int[] r = RankAllocator.allocate(s, new RankCurriculum(true, new double[] {0.25, 0.75}, new int[] {1, 4, 8}, 8));
        assertArrayEquals(new int[] {1, 8, 4, 4, 4, 8, 1, 4}, r);
    }

    @Test
    void aTightBudgetLowersTheFlattestLayersFirst() {
        double[] s = {1, 2, 3, 4};
        int[] r = RankAllocator.allocate(s, new RankCurriculum(true, new double[] {0.25, 0.75}, new int[] {1, 4, 8}, 3));
        assertTrue(Arrays.stream(r).sum() <= 12);
        assertTrue(r[3] >= r[2] && r[2] >= r[1] && r[1] >= r[0]);
        assertTrue(r[3] == 8, "the sharpest layer keeps its rank while flatter ones can give: " + Arrays.toString(r));
    }

    @Test
    void withoutTheCurriculumRanksAreUniform() {
        int[] r = RankAllocator.allocate(new double[] {9, 0, 3}, RankCurriculum.defaults().uniform());
        assertArrayEquals(new int[] {4, 4, 4}, r);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RankAllocator.allocate(new double[0], RankCurriculum.defaults()));
        assertThrows(IllegalArgumentException.class, () -> RankAllocator.allocate(new double[] {Double.NaN}, RankCurriculum.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new RankCurriculum(true, new double[] {0.5, 0.25}, new int[] {1, 2, 3}, 2));
        assertThrows(IllegalArgumentException.class, () -> new RankCurriculum(true, new double[] {0.5}, new int[] {4, 2}, 4));
        assertThrows(IllegalArgumentException.class, () -> new RankCurriculum(true, new double[] {0.5}, new int[] {1, 2}, 0.5));
    }
}
