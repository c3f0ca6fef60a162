package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    @Test
    void f16DecodesNormalsSubnormalsInfinitiesAndNaN() {
        assertBits(0.0f, HalfFloats.f16ToFloat((short) 0x0000));
        assertBits(-0.0f, HalfFloats.f16ToFloat((short) 0x8000));
        assertEquals(1.0f, HalfFloats.f16ToFloat((short) 0x3C00));
        assertEquals(-2.0f, HalfFloats.f16ToFloat((short) 0xC000));
        assertEquals(0.333251953125f, HalfFloats.f16ToFloat((short) 0x3555));
        assertEquals(65504f, HalfFloats.f16ToFloat((short) 0x7BFF));
        assertEquals(0x1p-14f, HalfFloats.f16ToFloat((short) 0x0400), "smallest normal");
        assertEquals(0x1p-24f, HalfFloats.f16ToFloat((short) 0x0001), "smallest subnormal");
        assertEquals(1023 * 0x1p-24f, HalfFloats.f16ToFloat((short) 0x03FF), "largest subnormal");
        assertEquals(-0x1p-24f, HalfFloats.f16ToFloat((short) 0x8001));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.f16ToFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.f16ToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat((short) 0x7E00)));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat((short) 0x7C01)), "signalling NaN stays NaN");
    }

    @Test
    void bf16DecodesByShifting() {
        assertEquals(1.0f, HalfFloats.bf16ToFloat((short) 0x3F80));
        assertEquals(-3.0f, HalfFloats.bf16ToFloat((short) 0xC040));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.bf16ToFloat((short) 0x7F80));
        assertTrue(Float.isNaN(HalfFloats.bf16ToFloat((short) 0x7FC0)));
        assertEquals(Float.intBitsToFloat(0x00010000), HalfFloats.bf16ToFloat((short) 0x0001), "subnormal");
    }

    @Test
    void everyF16ValueSurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = HalfFloats.f16ToFloat((short) bits);
            int back = HalfFloats.floatToF16(value) & 0xFFFF;
            if (Float.isNaN(value)) {
                assertTrue(Float.isNaN(HalfFloats.f16ToFloat((short) back)), Integer.toHexString(bits));
            } else {
                assertEquals(bits, back, Integer.toHexString(bits));
            }
        }
    }

    @Test
    void everyBf16ValueSurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = HalfFloats.bf16ToFloat((short) bits);
            int back = HalfFloats.floatToBf16(value) & 0xFFFF;
            if (Float.isNaN(value)) {
                assertTrue(Float.isNaN(HalfFloats.bf16ToFloat((short) back)), Integer.toHexString(bits));
            } else {
                assertEquals(bits, back, Integer.toHexString(bits));
            }
        }
    }

    @Test
    void f16RoundsTiesToEvenAndOverflowsToInfinity() {
        assertEquals(0x3C00, HalfFloats.floatToF16(1.0f + 0x1p-11f) & 0xFFFF, "tie goes to even 1.0");
        assertEquals(0x3C02, HalfFloats.floatToF16(1.0f + 3 * 0x1p-11f) & 0xFFFF, "tie goes to even 1+2^-9");
        assertEquals(0x7BFF, HalfFloats.floatToF16(65519f) & 0xFFFF);
        assertEquals(0x7C00, HalfFloats.floatToF16(65520f) & 0xFFFF);
        assertEquals(0xFC00, HalfFloats.floatToF16(-1e9f) & 0xFFFF);
        assertEquals(0x0000, HalfFloats.floatToF16(0x1p-26f) & 0xFFFF, "below half the smallest subnormal");
        assertEquals(0x0001, HalfFloats.floatToF16(0x1.8p-25f) & 0xFFFF, "above half the smallest subnormal");
        assertEquals(0x0400, HalfFloats.floatToF16(0x1.FFFp-15f) & 0xFFFF, "rounds up into the normals");
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat(HalfFloats.floatToF16(Float.NaN))));
    }

    @Test
    void f16NarrowingPicksTheNearestValue() {
        qt().forAll(floats().between(-70000f, 70000f)).checkAssert(x -> assertNearest(x,
                HalfFloats.floatToF16(x) & 0xFFFF, bits -> HalfFloats.f16ToFloat((short) bits), 0x7C00));
    }

    @Test
    void f16MidpointsRoundToTheEvenNeighbour() {
        // Any two neighbouring F16 values (subnormal or normal, either sign) have a midpoint that a
        // float32 holds exactly; it must round to the neighbour whose last bit is 0.
        qt().forAll(integers().between(0, 0x7BFE), integers().between(0, 1)).checkAssert((bits, negative) -> {
            int sign = negative << 15;
            float low = HalfFloats.f16ToFloat((short) (sign | bits));
            float high = HalfFloats.f16ToFloat((short) (sign | (bits + 1)));
            float midpoint = (low + high) / 2;
            int expected = (bits & 1) == 0 ? bits : bits + 1;
            assertEquals(sign | expected, HalfFloats.floatToF16(midpoint) & 0xFFFF, "midpoint " + midpoint);
        });
    }

    @Test
    void bf16NarrowingPicksTheNearestValue() {
        qt().forAll(integers().all()).checkAssert(bits -> {
            float x = Float.intBitsToFloat(bits);
            if (!Float.isNaN(x) && !Float.isInfinite(x)) {
                assertNearest(x, HalfFloats.floatToBf16(x) & 0xFFFF,
                        b -> HalfFloats.bf16ToFloat((short) b), 0x7F80);
            }
        });
    }

    /** The chosen pattern is at least as close to x as its two neighbours, and even on a tie. */
    private static void assertNearest(float x, int chosen, java.util.function.IntToDoubleFunction decode, int infinity) {
        int magnitude = chosen & 0x7FFF;
        double error = Math.abs(decode.applyAsDouble(chosen) - x);
        if (magnitude == infinity) {
            double largest = decode.applyAsDouble(infinity - 1);
            double next = decode.applyAsDouble(infinity - 2);
            assertTrue(Math.abs(x) >= largest + (largest - next) / 2, "overflowed " + x);
            return;
        }
        for (int neighbour : new int[] {magnitude - 1, magnitude + 1}) {
            if (neighbour < 0 || neighbour > infinity) {
                continue;
            }
            double other = Math.abs(decode.applyAsDouble(neighbour | (chosen & 0x8000)) - x);
            assertTrue(error <= other, x + " -> " + Integer.toHexString(chosen));
            if (error == other && error != 0) {
                assertEquals(0, chosen & 1, "tie must round to even: " + x);
            }
        }
    }

    private static void assertBits(float expected, float actual) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual));
    }
}
