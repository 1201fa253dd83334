package dev.bitbench.kernels;

/**
 * IEEE 754 binary16 (half precision) storage: conversion between {@code float} and the 16 bits of a
 * half held in a {@code short}.
 *
 * <p>{@link #fromFloat} rounds to nearest, ties to even, as IEEE 754 and ggml's {@code
 * GGML_FP32_TO_FP16} do: values of magnitude 65520 and above become infinity, values of magnitude
 * at most 2^-25 become a signed zero, and values between are encoded as subnormals where needed.
 * NaN stays NaN (quiet, with the top payload bits kept). {@link #toFloat} is exact for every half.
 * JDK 20 added {@code Float.float16ToFloat}; this class gives the same results on JDK 17.
 */
public final class Fp16 {
    /** Bits of positive infinity. */
    public static final short POSITIVE_INFINITY = 0x7c00;
    /** Bits of negative infinity. */
    public static final short NEGATIVE_INFINITY = (short) 0xfc00;
    /** Bits of the canonical quiet NaN. */
    public static final short NaN = 0x7e00;
    /** Largest finite half, 65504. */
    public static final float MAX_VALUE = 65504f;

    private Fp16() {}

    /** Returns the float value of half-precision {@code bits}; exact. */
    public static float toFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            // zero or subnormal: mant * 2^-24, exact in float
            float magnitude = mant * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exp == 0x1f) {
            // infinity or NaN; the payload moves to the top of the float mantissa
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        // normal: rebias the exponent from 15 to 127
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Returns the half-precision bits nearest to {@code value}, ties to even. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            if (abs == 0x7f800000) {
                return (short) (sign | 0x7c00);
            }
            // NaN: force quiet, keep the top 9 payload bits
            return (short) (sign | 0x7e00 | ((abs >>> 13) & 0x1ff));
        }
        if (abs < 0x38800000) {
            // below the smallest normal half (2^-14): subnormal or zero. abs * 2^24 is exact in
            // float and rint rounds it to the nearest integer, ties to even; 1024 rounds up into
            // the smallest normal, which the same bit pattern encodes.
            int mant = (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24f);
            return (short) (sign | mant);
        }
        // normal: round to nearest even at bit 13, then rebias the exponent from 127 to 15
        int rounded = abs + 0x0fff + ((abs >>> 13) & 1);
        int half = (rounded - 0x38000000) >>> 13;
        if (half >= 0x7c00) {
            half = 0x7c00; // overflow rounds to infinity
        }
        return (short) (sign | half);
    }

    /** Rounds {@code value} to the nearest half and back: the value half storage would keep. */
    public static float round(float value) {
        return toFloat(fromFloat(value));
    }
}
