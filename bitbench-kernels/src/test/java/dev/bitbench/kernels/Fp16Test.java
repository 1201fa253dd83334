package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Fp16} against an independent reference: half values are computed from their fields with
 * {@link Math#scalb}, and the nearest half of a float is found by comparing exact {@link BigDecimal}
 * distances to the two neighbouring candidates (ties to the even bit pattern, overflow as if the
 * next value after 65504 were 65536).
 */
class Fp16Test {
    private static final int MAX_FINITE_BITS = 0x7bff;

    /** The exact value of the positive finite half {@code bits}, from its fields alone. */
    private static double referenceValue(int bits) {
        int exponent = bits >>> 10;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            return Math.scalb((double) mantissa, -24);
        }
        return Math.scalb((double) (1024 + mantissa), exponent - 25);
    }

    /** Bits of the half nearest to finite {@code value}, ties to even; 0x7c00 on overflow. */
    private static short referenceFromFloat(float value) {
        int sign = Float.floatToRawIntBits(value) < 0 ? 0x8000 : 0;
        BigDecimal target = new BigDecimal(Math.abs((double) value));
        // largest positive half bit pattern whose value is <= target (patterns are monotonic)
        int low = 0;
        int high = MAX_FINITE_BITS;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (new BigDecimal(referenceValue(mid)).compareTo(target) <= 0) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        BigDecimal below = new BigDecimal(referenceValue(low));
        if (below.compareTo(target) == 0) {
            return (short) (sign | low);
        }
        // 0x7c00 stands for 2^16, the value the exponent range would give before overflow
        int next = low + 1;
        BigDecimal above = next == 0x7c00 ? new BigDecimal(65536) : new BigDecimal(referenceValue(next));
        int cmp = target.subtract(below).compareTo(above.subtract(target));
        int chosen;
        if (cmp < 0) {
            chosen = low;
        } else if (cmp > 0) {
            chosen = next;
        } else {
            chosen = (low & 1) == 0 ? low : next;
        }
        return (short) (sign | chosen);
    }

    private static String hex(short bits) {
        return String.format("0x%04x", bits & 0xffff);
    }

    @Test
    void toFloatMatchesTheFieldDefinitionForEveryFiniteHalf() {
        for (int bits = 0; bits <= MAX_FINITE_BITS; bits++) {
            double expected = referenceValue(bits);
            assertThat((double) Fp16.toFloat((short) bits))
                    .as(hex((short) bits))
                    .isEqualTo(expected);
            assertThat((double) Fp16.toFloat((short) (bits | 0x8000)))
                    .as(hex((short) (bits | 0x8000)))
                    .isEqualTo(-expected);
        }
    }

    @Test
    void everyHalfSurvivesTheRoundTripThroughFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short half = (short) bits;
            float asFloat = Fp16.toFloat(half);
            short back = Fp16.fromFloat(asFloat);
            boolean isNaN = (bits & 0x7c00) == 0x7c00 && (bits & 0x3ff) != 0;
            if (isNaN) {
                assertThat(Float.isNaN(asFloat)).as(hex(half)).isTrue();
                assertThat(back & 0x7c00).as(hex(half)).isEqualTo(0x7c00);
                assertThat(back & 0x3ff).as(hex(half)).isNotZero();
                assertThat(back & 0x8000).as("sign of " + hex(half)).isEqualTo(bits & 0x8000);
            } else {
                assertThat(back).as(hex(half)).isEqualTo(half);
            }
        }
    }

    @Test
    void quietNaNPayloadsAreKeptExactly() {
        for (int payload = 0; payload < 0x200; payload++) {
            short quiet = (short) (0x7e00 | payload);
            assertThat(Fp16.fromFloat(Fp16.toFloat(quiet))).isEqualTo(quiet);
            short negative = (short) (0xfe00 | payload);
            assertThat(Fp16.fromFloat(Fp16.toFloat(negative))).isEqualTo(negative);
        }
    }

    @Test
    void floatNaNsStayNaNWithTheirSignAndTopPayloadBits() {
        // quiet float NaN with payload bits that survive (top 9 below the quiet bit) and some that don't
        float nan = Float.intBitsToFloat(0x7fc00000 | (0x155 << 13) | 0x1fff);
        assertThat(Fp16.fromFloat(nan)).isEqualTo((short) (0x7e00 | 0x155));
        // signalling float NaN whose payload lies entirely below the kept bits: must not become inf
        float lowPayload = Float.intBitsToFloat(0xff800001);
        short half = Fp16.fromFloat(lowPayload);
        assertThat(Float.isNaN(Fp16.toFloat(half))).isTrue();
        assertThat(half & 0x8000).isEqualTo(0x8000);
        assertThat(Fp16.fromFloat(Float.NaN)).isEqualTo(Fp16.NaN);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 0x3c00",
        "-2.0, 0xc000",
        "0.1, 0x2e66",
        "65504, 0x7bff",
        "-65504, 0xfbff",
        "65519.99, 0x7bff",
        "65520, 0x7c00",
        "-65520, 0xfc00",
        "1.0e6, 0x7c00",
        "0.5, 0x3800",
        "0.333333333, 0x3555",
        "0.0, 0x0000",
        "-0.0, 0x8000",
        // 2^-24, the smallest subnormal
        "5.9604644775390625E-8, 0x0001",
        // 2^-25 is exactly half way to the smallest subnormal: ties to even (zero)
        "2.98023223876953125E-8, 0x0000",
        "-2.98023223876953125E-8, 0x8000",
        // 3 * 2^-26 lies past half way: rounds up to 2^-24
        "4.470348358154296875E-8, 0x0001",
        // 3 * 2^-25 is half way between 1 and 2 subnormal steps: ties to even (2)
        "8.940696716308594E-8, 0x0002",
        // largest subnormal, 1023 * 2^-24
        "6.097555160522461E-5, 0x03ff",
        // smallest normal, 2^-14
        "6.103515625E-5, 0x0400",
        // 1 + 2^-11 is half way between 1 and 1 + 2^-10: ties to even (1)
        "1.00048828125, 0x3c00",
        // 1 + 3 * 2^-11 is half way between 1 + 2^-10 and 1 + 2^-9: ties to even
        "1.00146484375, 0x3c02",
        "Infinity, 0x7c00",
        "-Infinity, 0xfc00",
    })
    void convertsHandComputedExamples(float value, String expectedHex) {
        short expected = (short) Integer.parseInt(expectedHex.substring(2), 16);
        assertThat(Fp16.fromFloat(value)).as(hex(Fp16.fromFloat(value))).isEqualTo(expected);
    }

    @Test
    void largestSubnormalPlusHalfAStepRoundsUpIntoTheSmallestNormal() {
        // 1023.5 * 2^-24: tie between 0x03ff (odd) and 0x0400 (even)
        float tie = (float) Math.scalb(1023.5, -24);
        assertThat(Fp16.fromFloat(tie)).isEqualTo((short) 0x0400);
        assertThat(Fp16.fromFloat(Math.nextDown(tie))).isEqualTo((short) 0x03ff);
    }

    @Test
    void midpointsBetweenEveryPairOfAdjacentHalvesTieToEvenAndTheirNeighboursRoundAway() {
        for (int bits = 0; bits < MAX_FINITE_BITS; bits++) {
            // adjacent halves differ in at most 11 significant bits, so the midpoint is exact in float
            float mid = (float) ((referenceValue(bits) + referenceValue(bits + 1)) / 2);
            int even = (bits & 1) == 0 ? bits : bits + 1;
            assertThat(Fp16.fromFloat(mid)).as("tie above " + bits).isEqualTo((short) even);
            assertThat(Fp16.fromFloat(-mid)).as("tie below -" + bits).isEqualTo((short) (even | 0x8000));
            assertThat(Fp16.fromFloat(Math.nextDown(mid))).isEqualTo((short) bits);
            assertThat(Fp16.fromFloat(Math.nextUp(mid))).isEqualTo((short) (bits + 1));
        }
    }

    @Test
    void agreesWithTheReferenceOnSeededRandomFloatsAcrossTheHalfRange() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            // uniform over float bit patterns with exponents from 2^-30 to 2^17, both signs
            int exponent = 127 - 30 + random.nextInt(48);
            int bits = (random.nextInt(2) << 31) | (exponent << 23) | random.nextInt(1 << 23);
            float value = Float.intBitsToFloat(bits);
            assertThat(Fp16.fromFloat(value)).as("%s", value).isEqualTo(referenceFromFloat(value));
        }
    }

    @Test
    void agreesWithTheReferenceOnFloatsFarOutsideTheHalfRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(value)) {
                continue;
            }
            assertThat(Fp16.fromFloat(value)).as("%s", value).isEqualTo(referenceFromFloat(value));
        }
        float[] extremes = {Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE};
        for (float value : extremes) {
            assertThat(Fp16.fromFloat(value)).as("%s", value).isEqualTo(referenceFromFloat(value));
        }
    }

    @Test
    void roundKeepsWhatHalfStorageWouldKeep() {
        assertThat(Fp16.round(0.1f)).isEqualTo((float) referenceValue(0x2e66));
        assertThat(Fp16.round(1e-9f)).isEqualTo(0f);
        assertThat(Fp16.round(70000f)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Fp16.MAX_VALUE).isEqualTo((float) referenceValue(MAX_FINITE_BITS));
        assertThat(Fp16.toFloat(Fp16.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Fp16.toFloat(Fp16.NEGATIVE_INFINITY)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Fp16.toFloat(Fp16.NaN)).isNaN();
    }
}
