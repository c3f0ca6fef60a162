package org.grace.model.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchesTest {

    /** Image i is filled with a value derived from i; label i mod 3; index 5 can be made unreadable. */
    private static final class Fake implements ImageDataset {
        private final int n;
        private final boolean skipFive;
        private final boolean failFive;

        Fake(int n, boolean skipFive, boolean failFive) {
            this.n = n;
            this.skipFive = skipFive;
            this.failFive = failFive;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public int label(int i) {
            return i % 3;
        }

        @Override
        public float[] image(int i) {
            if (i == 5 && skipFive) {
                throw new SkippedImageException(Path.of("five.jpg"), new RuntimeException("corrupt"));
            }
            if (i == 5 && failFive) {
                throw new IllegalStateException("cannot decode five.jpg");
            }
            float[] image = new float[3 * 4 * 4];
            for (int k = 0; k < image.length; k++) {
                image[k] = ((i * 31 + k) % 97) / 97f;
            }
            return image;
        }

        @Override
        public int imageSize() {
            return 4;
        }

        @Override
        public Optional<int[]> classSubset() {
            return Optional.empty();
        }
    }

    private static List<HostBatch> all(ImageDataset d, int[] order, BatchOptions options) {
        List<HostBatch> batches = new ArrayList<>();
        try (Batches it = Batches.of(d, order, options, null)) {
            while (it.hasNext()) {
                batches.add(it.nextHost());
            }
        }
        return batches;
    }

    @Test
    void batchesAreIdenticalForEveryThreadCountAndPrefetchDepth() {
        Fake d = new Fake(53, false, false);
        int[] order = IndexOrder.shuffled(53, 9L);
        List<HostBatch> reference = all(d, order, BatchOptions.sequential(8));
        for (int threads : new int[] {1, 2, 5}) {
            for (int prefetch : new int[] {1, 3}) {
                List<HostBatch> other = all(d, order, new BatchOptions(8, threads, prefetch, false));
                assertEquals(reference.size(), other.size());
                for (int b = 0; b < reference.size(); b++) {
                    assertArrayEquals(reference.get(b).indices(), other.get(b).indices());
                    assertArrayEquals(reference.get(b).labels(), other.get(b).labels());
                    assertArrayEquals(reference.get(b).pixels(), other.get(b).pixels());
                }
            }
        }
    }

    @Test
    void batchesFollowTheOrderAndKeepOrDropTheLastPartialBatch() {
        Fake d = new Fake(10, false, false);
        int[] order = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        List<HostBatch> kept = all(d, order, new BatchOptions(4, 2, 2, false));
        assertEquals(3, kept.size());
        assertArrayEquals(new int[] {9, 8, 7, 6}, kept.get(0).indices());
        assertArrayEquals(new int[] {1, 0}, kept.get(2).indices());
        assertArrayEquals(new long[] {1, 0}, kept.get(2).labels());
        assertArrayEquals(d.image(1), java.util.Arrays.copyOf(kept.get(2).pixels(), 48));
        assertEquals(2, all(d, order, new BatchOptions(4, 2, 2, true)).size());
    }

    @Test
    void ndArraysHaveTheContractShapesAndTypesInTheCallersManager() {
        Fake d = new Fake(6, false, false);
        try (NDManager manager = NDManager.newBaseManager();
             Batches it = Batches.of(d, IndexOrder.identity(6), new BatchOptions(4, 2, 1, false), manager)) {
            try (Batch batch = it.next()) {
                assertEquals(new Shape(4, 3, 4, 4), batch.images().getShape());
                assertEquals(DataType.FLOAT32, batch.images().getDataType());
                assertEquals(new Shape(4), batch.labels().getShape());
                assertEquals(DataType.INT64, batch.labels().getDataType());
                assertArrayEquals(new long[] {0, 1, 2, 0}, batch.labels().toLongArray());
                assertArrayEquals(d.image(2), batch.images().get(2).toFloatArray());
                assertSame(manager, batch.images().getManager());
            }
            try (NDManager perBatch = manager.newSubManager(); Batch last = it.next(perBatch)) {
                assertSame(perBatch, last.labels().getManager());
                assertEquals(2, last.batchSize());
            }
            assertFalse(it.hasNext());
            assertThrows(java.util.NoSuchElementException.class, it::nextHost);
        }
    }

    @Test
    void skippedImagesAreLeftOutOfTheirBatch() {
        List<HostBatch> batches = all(new Fake(8, true, false), IndexOrder.identity(8), new BatchOptions(4, 2, 2, false));
        assertArrayEquals(new int[] {4, 6, 7}, batches.get(1).indices());
        assertArrayEquals(new long[] {1, 0, 1}, batches.get(1).labels());
        assertEquals(3 * 48, batches.get(1).pixels().length);
    }

    @Test
    void otherFailuresReachTheConsumerUnchanged() {
        for (int threads : new int[] {0, 2}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> all(new Fake(8, false, true),
                    IndexOrder.identity(8), new BatchOptions(4, threads, threads == 0 ? 0 : 1, false)));
            assertEquals("cannot decode five.jpg", e.getMessage());
        }
    }

    @Test
    void anOrderOutsideTheDatasetIsRejectedUpFront() {
        assertThrows(IndexOutOfBoundsException.class,
                () -> Batches.of(new Fake(3, false, false), new int[] {0, 3}, BatchOptions.sequential(2), null));
        assertThrows(IllegalArgumentException.class, () -> new BatchOptions(0, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new BatchOptions(2, 2, 0, false));
    }
}
