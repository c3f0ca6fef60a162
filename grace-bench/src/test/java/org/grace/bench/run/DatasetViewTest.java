package org.grace.bench.run;

import org.grace.model.data.ImageDataset;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class DatasetViewTest {

    static ImageDataset numbered(int n) {
        return new ImageDataset() {
            public String name() {
                return "numbered";
            }

            public int size() {
                return n;
            }

            public List<String> classNames() {
                return List.of("a", "b");
            }

            public int label(int i) {
                checkIndex(i);
                return i;
            }

            public float[] image(int i) {
                return new float[] {i};
            }

            public int imageSize() {
                return 1;
            }

            public Optional<int[]> classSubset() {
                return Optional.empty();
            }
        };
    }

    @Test
    void heldOutAndTrainPartitionTheSource() {
        qt().forAll(integers().between(2, 500), integers().between(2, 60)).assuming((n, k) -> n >= k)
                .checkAssert((n, k) -> {
                    ImageDataset all = numbered(n);
                    ImageDataset held = DatasetView.everyKth(all, k, true);
                    ImageDataset train = DatasetView.everyKth(all, k, false);
                    Set<Integer> seen = new HashSet<>();
                    for (ImageDataset d : List.of(held, train)) {
                        for (int i = 0; i < d.size(); i++) {
                            assertTrue(seen.add(d.label(i)));
                        }
                    }
                    assertEquals(n, seen.size());
                    for (int i = 0; i < held.size(); i++) {
                        assertEquals(0, held.label(i) % k);
                    }
                });
    }

    @Test
    void aPrefixCutsAndZeroKeepsEverything() {
        ImageDataset all = numbered(10);
        assertSame(all, DatasetView.prefix(all, 0));
        assertSame(all, DatasetView.prefix(all, 20));
        ImageDataset cut = DatasetView.prefix(all, 3);
        assertEquals(3, cut.size());
        assertThrows(IndexOutOfBoundsException.class, () -> cut.image(3));
        assertThrows(IllegalArgumentException.class, () -> DatasetView.prefix(all, -1));
    }
}
