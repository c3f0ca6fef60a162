package org.grace.model.io;

/**
 * Conversions between float32 and the two 16-bit float formats found in checkpoints.
 *
 * <p><b>F16</b> (IEEE 754 binary16): 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
 * Value {@code (-1)^s * 2^(e-15) * (1 + f/1024)} for {@code 1 <= e <= 30}; subnormals
 * {@code (-1)^s * 2^-14 * f/1024} for {@code e = 0}; infinities and NaN for {@code e = 31}.
 * Largest finite value 65504, smallest subnormal {@code 2^-24}.
 *
 * <p><b>BF16</b> (bfloat16): the upper 16 bits of a float32 (1 sign, 8 exponent, 7 fraction bits),
 * so widening is a 16-bit shift.
 *
 * <p>Narrowing rounds to nearest, ties to even, as IEEE 754 and PyTorch's {@code .half()} /
 * {@code .bfloat16()} do; values at or beyond the overflow threshold become infinity, and NaN
 * stays NaN (made quiet, sign and top payload bits kept). Java 17 has no
 * {@code Float.float16ToFloat} (it arrived in Java 20), hence these bit-level versions.
 */
public final class HalfFloats {

    private static final int F32_EXPONENT_MASK = 0x7F800000;
    /** float32 bits of 65520, the midpoint between F16's largest finite value and 2^16; it rounds to infinity. */
    private static final int F16_OVERFLOW_THRESHOLD = 0x477FF000;
    /** float32 bits of 2^-14, F16's smallest normal value. */
    private static final int F16_MIN_NORMAL = 0x38800000;
    /** Exponent bias difference, 127 - 15. */
    private static final int BIAS_DIFFERENCE = 112;

    private HalfFloats() {
    }

    /** The float32 equal to the F16 value with these 16 bits (exact: every F16 value is a float32). */
    public static float f16ToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | F32_EXPONENT_MASK | (fraction << 13));
        }
        if (exponent == 0) {
            float magnitude = fraction * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + BIAS_DIFFERENCE) << 23) | (fraction << 13));
    }

    /** The F16 bits nearest to {@code value} (ties to even; overflow to infinity; NaN stays NaN). */
    public static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        if (magnitude > F32_EXPONENT_MASK) {
            return (short) (sign | 0x7E00 | ((magnitude >>> 13) & 0x3FF));
        }
        if (magnitude >= F16_OVERFLOW_THRESHOLD) {
            return (short) (sign | 0x7C00);
        }
        if (magnitude < F16_MIN_NORMAL) {
            // Count in units of the smallest subnormal 2^-24; the scaling by 2^24 is exact, and a
            // result of 1024 is correctly the encoding of the smallest normal value.
            int units = (int) Math.rint(Float.intBitsToFloat(magnitude) * 0x1p24f);
            return (short) (sign | units);
        }
        int half = (((magnitude >>> 23) - BIAS_DIFFERENCE) << 10) | ((magnitude >>> 13) & 0x3FF);
        int dropped = magnitude & 0x1FFF;
        if (dropped > 0x1000 || (dropped == 0x1000 && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** The float32 equal to the BF16 value with these 16 bits. */
    public static float bf16ToFloat(short bfloat) {
        return Float.intBitsToFloat((bfloat & 0xFFFF) << 16);
    }

    /** The BF16 bits nearest to {@code value} (ties to even; overflow to infinity; NaN stays NaN). */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7FFFFFFF) > F32_EXPONENT_MASK) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }
}
