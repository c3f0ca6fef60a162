package org.grace.model.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogitMaskTest {

    @Test
    void keepsTheSubsetColumnsInSubsetOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.arange(12f).reshape(2, 6);
            NDArray masked = LogitMask.apply(logits, new int[] {1, 4, 5});
            assertEquals(new Shape(2, 3), masked.getShape());
            assertArrayEquals(new float[] {1, 4, 5, 7, 10, 11}, masked.toFloatArray());
            // The argmax of the masked logits indexes the subset, like the dataset's labels.
            assertArrayEquals(new long[] {2, 2}, masked.argMax(1).toLongArray());
        }
    }

    @Test
    void rejectsIndicesOutsideTheLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.zeros(new Shape(2, 6));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LogitMask.apply(logits, new int[] {6}));
            assertEquals("class subset index 6 outside the 6 logit columns", e.getMessage());
        }
    }
}
