package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op of {@code simd} and {@code parallel} (2 and 3 threads) against the {@code scalar}
 * reference, on seeded random inputs of edge and large sizes.
 *
 * <p>Tolerances, per op:
 *
 * <ul>
 *   <li>add, mul, scale, relu, relu2, max, map, rope: exact (the same float operations in the same
 *       order, so the same bits).
 *   <li>sum, mean: the backends add in different orders. On inputs whose partial sums are all
 *       exact in float (small integers) every order gives the exact sum, so those must match
 *       bit for bit: this catches a lost or doubled element. On random reals, the rounding error of
 *       a float sum is a sum of at most n terms {@code delta_k * s_k} with {@code |delta_k| <= u =
 *       2^-24} and {@code |s_k| <= sum |x|}; treated as independent, its standard deviation is at
 *       most {@code u sqrt(n) sum|x|}. We allow {@code |d| <= 8 u sqrt(n) sum|x|}, several standard
 *       deviations of both backends' errors together, far below any missing element for the sizes
 *       where that matters.
 *   <li>silu, swish, gelu: {@code x * sigmoid(z)} evaluated in float with a 2-ulp exp against a
 *       double reference rounded once. A few roundings give a few ulp; an error in z (z is rounded
 *       in float) is amplified by the condition number {@code |z| (1 - sigmoid(z)) <= |z|}. We
 *       allow {@code (8 + 4|z|) ulp(expected)} plus the smallest normal float for results in the
 *       subnormal range.
 *   <li>softmax, rmsNorm: each output is one or two rounded operations times a normaliser that is a
 *       float sum of positive terms, whose relative error is about {@code u sqrt(n)} (same argument
 *       as for sums): {@code (8 + 4 sqrt(n)) ulp(expected)}, plus the smallest normal float.
 * </ul>
 */
class VectorOpsTest {
    static final VectorOps SCALAR = Backends.scalar().vector();
    static final int LANES = SimdVectorOps.LANES;
    static final float U = 0x1p-24f;

    static List<Integer> sizes() {
        return List.of(
                0,
                1,
                2,
                3,
                LANES - 1,
                LANES,
                LANES + 1,
                4 * LANES - 1,
                4 * LANES,
                4 * LANES + 1,
                97,
                1009,
                ParallelVectorOps.PARALLEL_THRESHOLD,
                ParallelVectorOps.PARALLEL_THRESHOLD + 1,
                100_003);
    }

    static List<VectorOps> backends() {
        return List.of(
                Backends.simd().vector(),
                Backends.parallel(Parallel.withThreads(2)).vector(),
                Backends.parallel(Parallel.withThreads(3)).vector());
    }

    static Stream<Arguments> backendsAndSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (VectorOps ops : backends()) {
            for (int n : sizes()) {
                cases.add(Arguments.of(name(ops), ops, n));
            }
        }
        return cases.stream();
    }

    static String name(VectorOps ops) {
        return ops instanceof ParallelVectorOps ? "parallel" : "simd";
    }

    /** Uniform floats in [lo, hi), from a seed that depends on the size and a salt. */
    static float[] random(int n, long salt, float lo, float hi) {
        Random rnd = new Random(42L * 1_000_003 + n * 31L + salt);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * rnd.nextFloat();
        }
        return a;
    }

    // ---- exact ops ----

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void addMulScaleMatchScalarExactly(String name, VectorOps ops, int n) {
        float[] a = random(n, 1, -100, 100);
        float[] b = random(n, 2, -100, 100);
        float[] expected = new float[n];
        float[] actual = new float[n];

        SCALAR.add(a, b, expected, n);
        ops.add(a, b, actual, n);
        assertSameBits(actual, expected, "add");

        SCALAR.mul(a, b, expected, n);
        ops.mul(a, b, actual, n);
        assertSameBits(actual, expected, "mul");

        SCALAR.scale(a, -0.37f, expected, n);
        ops.scale(a, -0.37f, actual, n);
        assertSameBits(actual, expected, "scale");

        SCALAR.map(a, x -> x * x - 1f, expected, n);
        ops.map(a, x -> x * x - 1f, actual, n);
        assertSameBits(actual, expected, "map");
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void reluAndRelu2MatchScalarExactly(String name, VectorOps ops, int n) {
        float[] x = random(n, 3, -10, 10);
        float[] expected = new float[n];
        float[] actual = new float[n];

        SCALAR.relu(x, expected, n);
        ops.relu(x, actual, n);
        assertSameBits(actual, expected, "relu");

        SCALAR.relu2(x, expected, n);
        ops.relu2(x, actual, n);
        assertSameBits(actual, expected, "relu2");
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void maxMatchesScalarExactly(String name, VectorOps ops, int n) {
        float[] a = random(n + 5, 4, -1000, 1000);
        assertThat(ops.max(a, 5, n)).isEqualTo(SCALAR.max(a, 5, n));
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void offsetFormsTouchOnlyTheirRange(String name, VectorOps ops, int n) {
        float[] a = random(n + 3, 5, -5, 5);
        float[] b = random(n + 7, 6, -5, 5);
        float[] expected = random(n + 11, 7, -5, 5);
        float[] actual = expected.clone();

        SCALAR.add(a, 3, b, 7, expected, 11, n);
        ops.add(a, 3, b, 7, actual, 11, n);
        assertSameBits(actual, expected, "add with offsets");

        float[] untouched = actual.clone();
        SCALAR.gelu(a, 3, expected, 5, n);
        ops.gelu(a, 3, actual, 5, n);
        for (int i = 0; i < actual.length; i++) {
            if (i < 5 || i >= 5 + n) {
                assertThat(actual[i]).as("outside the range, at %d", i).isEqualTo(untouched[i]);
            } else {
                double x = a[3 + i - 5];
                double z = 2 * ScalarVectorOps.GELU_C * (x + 0.044715 * x * x * x);
                double tolerance = (8 + 4 * Math.abs(z)) * Math.ulp(expected[i]) + Float.MIN_NORMAL;
                assertThat((double) actual[i]).as("gelu at %d", i).isCloseTo(expected[i], within(tolerance));
            }
        }
    }

    /** Bit-for-bit equality (NaN equals NaN, -0.0 differs from 0.0), naming the first difference. */
    static void assertSameBits(float[] actual, float[] expected, String what, Object... args) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                fail(
                        "%s: at %d of %d got %s, expected %s",
                        String.format(what, args), i, expected.length, actual[i], expected[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void inPlaceGivesTheSameBitsAsOutOfPlace(String name, VectorOps ops, int n) {
        float[] x = random(n, 13, -12, 12);
        float[] outOfPlace = new float[n];
        float[] inPlace = x.clone();
        ops.gelu(x, outOfPlace, n);
        ops.gelu(inPlace, inPlace, n);
        assertSameBits(inPlace, outOfPlace, "gelu");
        inPlace = x.clone();
        ops.swish(x, 0.8f, outOfPlace, n);
        ops.swish(inPlace, 0.8f, inPlace, n);
        assertSameBits(inPlace, outOfPlace, "swish");
        inPlace = x.clone();
        ops.softmax(x, 0, outOfPlace, 0, n);
        ops.softmax(inPlace, 0, inPlace, 0, n);
        assertSameBits(inPlace, outOfPlace, "softmax");
    }

    // ---- sums ----

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void sumOfSmallIntegersIsExactInEveryOrder(String name, VectorOps ops, int n) {
        // |x| <= 100 and n <= 100_003 keep every partial sum below 2^24: exact in float
        Random rnd = new Random(n);
        float[] a = new float[n + 2];
        long exact = 0;
        for (int i = 0; i < n; i++) {
            a[i + 2] = rnd.nextInt(201) - 100;
            exact += (long) a[i + 2];
        }
        assertThat(ops.sum(a, 2, n)).isEqualTo((float) exact);
        assertThat(SCALAR.sum(a, 2, n)).isEqualTo((float) exact);
        if (n > 0) {
            assertThat(ops.mean(a, 2, n)).isEqualTo((float) exact / n);
        }
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void sumAndMeanMatchScalarWithinRoundingBound(String name, VectorOps ops, int n) {
        float[] a = random(n, 8, -1, 1);
        double absSum = 0;
        for (float v : a) {
            absSum += Math.abs(v);
        }
        double tolerance = 8 * U * Math.sqrt(n) * absSum;
        assertThat((double) ops.sum(a, 0, n)).isCloseTo(SCALAR.sum(a, 0, n), within(tolerance));
        if (n > 0) {
            assertThat((double) ops.mean(a, 0, n)).isCloseTo(SCALAR.mean(a, 0, n), within(tolerance / n));
        }
    }

    // ---- activations ----

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void siluSwishGeluMatchScalarWithinStatedUlps(String name, VectorOps ops, int n) {
        float[] x = random(n, 9, -30, 30);
        float[] expected = new float[n];
        float[] actual = new float[n];

        SCALAR.silu(x, expected, n);
        ops.silu(x, actual, n);
        assertWithinSigmoidTolerance("silu", x, actual, expected, v -> v);

        SCALAR.swish(x, 1.7f, expected, n);
        ops.swish(x, 1.7f, actual, n);
        assertWithinSigmoidTolerance("swish", x, actual, expected, v -> 1.7 * v);

        SCALAR.gelu(x, expected, n);
        ops.gelu(x, actual, n);
        assertWithinSigmoidTolerance(
                "gelu", x, actual, expected, v -> 2 * ScalarVectorOps.GELU_C * (v + 0.044715 * v * v * v));
    }

    static void assertWithinSigmoidTolerance(
            String op, float[] x, float[] actual, float[] expected, DoubleUnaryOperator z) {
        for (int i = 0; i < x.length; i++) {
            double tolerance = (8 + 4 * Math.abs(z.applyAsDouble(x[i]))) * Math.ulp(expected[i]) + Float.MIN_NORMAL;
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                fail("%s(%s) at %d: got %s, expected %s within %s", op, x[i], i, actual[i], expected[i], tolerance);
            }
        }
    }

    // ---- row ops ----

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void softmaxMatchesScalarAndSumsToOne(String name, VectorOps ops, int n) {
        float[] x = random(n + 4, 10, -20, 20);
        float[] expected = new float[n + 1];
        float[] actual = new float[n + 1];
        SCALAR.softmax(x, 4, expected, 1, n);
        ops.softmax(x, 4, actual, 1, n);
        assertWithinNormalisedTolerance("softmax", actual, expected, n);
        if (n > 0) {
            double tolerance = (8 + 4 * Math.sqrt(n)) * U * 2;
            assertThat((double) SCALAR.sum(actual, 1, n)).isCloseTo(1.0, within(tolerance + n * U));
        }
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("backendsAndSizes")
    void rmsNormMatchesScalar(String name, VectorOps ops, int n) {
        float[] x = random(n, 11, -3, 3);
        float[] w = random(n, 12, 0.5f, 1.5f);
        float[] expected = new float[n];
        float[] actual = new float[n];
        SCALAR.rmsNorm(x, 0, w, 1e-5f, expected, 0, n);
        ops.rmsNorm(x, 0, w, 1e-5f, actual, 0, n);
        assertWithinNormalisedTolerance("rmsNorm", actual, expected, n);
    }

    static void assertWithinNormalisedTolerance(String op, float[] actual, float[] expected, int n) {
        for (int i = 0; i < expected.length; i++) {
            double tolerance = (8 + 4 * Math.sqrt(n)) * Math.ulp(expected[i]) + Float.MIN_NORMAL;
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                fail("%s at %d of %d: got %s, expected %s within %s", op, i, n, actual[i], expected[i], tolerance);
            }
        }
    }

    static Stream<Arguments> backendsAndHeadShapes() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {
            {1, 2}, {3, 4}, {2, 2 * LANES - 2}, {4, 2 * LANES}, {5, 2 * LANES + 2}, {32, 128}, {7, 66}, {600, 64}
        };
        for (VectorOps ops : backends()) {
            for (int[] s : shapes) {
                cases.add(Arguments.of(name(ops), ops, s[0], s[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} heads={2} headDim={3}")
    @MethodSource("backendsAndHeadShapes")
    void ropeMatchesScalarExactly(String name, VectorOps ops, int nHeads, int headDim) {
        for (int pos : new int[] {0, 1, 17, 4095, -3}) {
            float[] expected = random(nHeads * headDim + 9, pos, -2, 2);
            float[] actual = expected.clone();
            SCALAR.rope(expected, 9, nHeads, headDim, pos, 10000f);
            ops.rope(actual, 9, nHeads, headDim, pos, 10000f);
            assertSameBits(actual, expected, "pos %d", pos);
        }
    }
}
