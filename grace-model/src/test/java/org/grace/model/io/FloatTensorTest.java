package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatTensorTest {

    @Test
    void scalarHasRankZeroAndOneElement() {
        FloatTensor scalar = FloatTensor.scalar(4.6f);
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.numel());
        assertArrayEquals(new long[0], scalar.shape());
        assertEquals(scalar, new FloatTensor(new long[0], new float[] {4.6f}));
    }

    @Test
    void emptyTensorHoldsNoElements() {
        FloatTensor empty = new FloatTensor(new long[] {3, 0, 2}, new float[0]);
        assertEquals(0, empty.numel());
        assertEquals(3, empty.rank());
    }

    @Test
    void shapeMustMatchDataLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatTensor(new long[] {2, 3}, new float[5]));
        assertTrue(e.getMessage().contains("[2, 3] holds 6 elements but the data array has 5"), e.getMessage());
    }

    @Test
    void rankZeroShapeNeedsExactlyOneValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatTensor(new long[0], new float[0]));
        assertTrue(e.getMessage().contains("holds 1 elements but the data array has 0"), e.getMessage());
    }

    @Test
    void negativeDimensionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatTensor(new long[] {2, -1}, new float[0]));
        assertTrue(e.getMessage().contains("dimension 1 of shape [2, -1] is negative"), e.getMessage());
    }

    @Test
    void nullsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FloatTensor(null, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new FloatTensor(new long[0], null));
    }

    @Test
    void shapeIsCopiedInAndOut() {
        long[] shape = {2, 2};
        FloatTensor tensor = new FloatTensor(shape, new float[4]);
        shape[0] = 7;
        tensor.shape()[1] = 9;
        assertArrayEquals(new long[] {2, 2}, tensor.shape());
    }

    @Test
    void equalityComparesShapeAndValuesNotIdentity() {
        FloatTensor a = new FloatTensor(new long[] {2}, new float[] {1f, Float.NaN});
        FloatTensor b = new FloatTensor(new long[] {2}, new float[] {1f, Float.NaN});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new FloatTensor(new long[] {1, 2}, new float[] {1f, Float.NaN}));
        assertNotEquals(a, new FloatTensor(new long[] {2}, new float[] {1f, 2f}));
    }

    @Test
    void toStringShowsShapeAndFirstValues() {
        assertEquals("FloatTensor[shape=[2], data=[1.0, 2.0]]",
                new FloatTensor(new long[] {2}, new float[] {1f, 2f}).toString());
        String big = new FloatTensor(new long[] {10}, new float[10]).toString();
        assertTrue(big.startsWith("FloatTensor[shape=[10], data=[0.0, 0.0"), big);
        assertTrue(big.endsWith(", ... (10 values)]]"), big);
    }

    @Test
    void longTensorFollowsTheSameContract() {
        LongTensor ids = new LongTensor(new long[] {1, 3}, new long[] {0, 1, 2});
        assertEquals(3, ids.numel());
        assertEquals(ids, new LongTensor(new long[] {1, 3}, new long[] {0, 1, 2}));
        assertEquals("LongTensor[shape=[1, 3], data=[0, 1, 2]]", ids.toString());
        assertThrows(IllegalArgumentException.class, () -> new LongTensor(new long[] {4}, new long[3]));
    }

    @Test
    void tensorInfoValidatesOffsetsAndComparesShapes() {
        TensorInfo info = new TensorInfo("w", "F32", new long[] {2, 3}, 8, 32);
        assertEquals(6, info.numel());
        assertEquals(24, info.byteLength());
        assertEquals(SafetensorsDtype.F32, info.dtypeEnum());
        assertEquals(info, new TensorInfo("w", "F32", new long[] {2, 3}, 8, 32));
        assertEquals("TensorInfo[name=w, dtype=F32, shape=[2, 3], data_offsets=[8, 32]]", info.toString());
        assertThrows(IllegalArgumentException.class, () -> new TensorInfo("w", "F32", new long[0], 8, 4));
    }
}
