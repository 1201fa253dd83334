package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed values, NaN and infinity, and argument checks, on every backend including the
 * reference. Expected values come from the definitions, computed by hand (to 7-8 digits), not from
 * the code under test.
 */
class VectorOpsEdgeCasesTest {
    static final float NAN = Float.NaN;
    static final float INF = Float.POSITIVE_INFINITY;

    static Stream<VectorOps> allBackends() {
        return Stream.of(
                Backends.scalar().vector(),
                Backends.simd().vector(),
                Backends.parallel(Parallel.withThreads(2)).vector(),
                Backends.parallel(Parallel.withThreads(3)).vector());
    }

    /** {@code value} at index {@code at} of an array of {@code n} copies of {@code fill}. */
    static float[] withValueAt(int n, float fill, int at, float value) {
        float[] a = new float[n];
        Arrays.fill(a, fill);
        a[at] = value;
        return a;
    }

    // ---- hand-computed values ----

    @ParameterizedTest
    @MethodSource("allBackends")
    void elementwiseOpsOnSmallInputs(VectorOps ops) {
        float[] out = new float[3];
        ops.add(new float[] {1, 2, 3}, new float[] {10, 20, 30}, out, 3);
        assertThat(out).containsExactly(11, 22, 33);
        ops.mul(new float[] {1, -2, 3}, new float[] {4, 5, 0.5f}, out, 3);
        assertThat(out).containsExactly(4, -10, 1.5f);
        ops.scale(new float[] {1, -2, 3}, 0.25f, out, 3);
        assertThat(out).containsExactly(0.25f, -0.5f, 0.75f);
        ops.map(new float[] {1, -2, 3}, x -> 2 * x + 1, out, 3);
        assertThat(out).containsExactly(3, -3, 7);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void reductionsOnSmallInputs(VectorOps ops) {
        float[] a = {9, 1, 2, 3, 4};
        assertThat(ops.sum(a, 1, 4)).isEqualTo(10f);
        assertThat(ops.mean(a, 1, 4)).isEqualTo(2.5f);
        assertThat(ops.max(a, 1, 4)).isEqualTo(4f);
        assertThat(ops.max(new float[] {-3, -1, -2}, 0, 3)).isEqualTo(-1f);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void reductionsOfNothing(VectorOps ops) {
        float[] a = {1, 2};
        assertThat(ops.sum(a, 2, 0)).isEqualTo(0f);
        assertThat(ops.max(a, 2, 0)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(ops.mean(a, 2, 0)).isNaN();
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void activationsAtKnownPoints(VectorOps ops) {
        float[] x = {1, -1, 0, 2, -3, 3};
        float[] out = new float[6];
        ops.relu(x, out, 6);
        assertThat(out).containsExactly(1, 0, 0, 2, 0, 3);
        ops.relu2(x, out, 6);
        assertThat(out).containsExactly(1, 0, 0, 4, 0, 9);
        // silu(x) = x / (1 + e^-x): silu(1) = 1 / 1.36787944 = 0.73105858
        ops.silu(x, out, 6);
        assertThat(out[0]).isCloseTo(0.7310586f, within(2e-7f));
        assertThat(out[1]).isCloseTo(-0.2689414f, within(2e-7f));
        assertThat(out[2]).isEqualTo(0f);
        // gelu(1) = 0.5 (1 + tanh(0.79788456 * 1.044715)) = 0.5 (1 + tanh(0.83356)) = 0.84119199
        ops.gelu(x, out, 6);
        assertThat(out[0]).isCloseTo(0.8411920f, within(2e-7f));
        assertThat(out[1]).isCloseTo(-0.1588080f, within(2e-7f));
        assertThat(out[2]).isEqualTo(0f);
        // gelu(3) = 1.5 (1 + tanh(0.79788456 * 4.207305)) = 1.5 (1 + tanh(3.3569442)) = 2.9963625
        assertThat(out[5]).isCloseTo(2.9963625f, within(1e-6f));
        // swish(2, beta 0.5) = 2 sigmoid(1) = 1.4621172
        ops.swish(x, 0.5f, out, 6);
        assertThat(out[3]).isCloseTo(1.4621172f, within(2e-7f));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void softmaxOfOneTwoThree(VectorOps ops) {
        // e^0, e^1, e^2 over their sum 1 + 2.7182818 + 7.3890561 = 11.1073379
        float[] out = new float[3];
        ops.softmax(new float[] {1, 2, 3}, 0, out, 0, 3);
        assertThat(out[0]).isCloseTo(0.09003057f, within(3e-8f));
        assertThat(out[1]).isCloseTo(0.24472847f, within(3e-8f));
        assertThat(out[2]).isCloseTo(0.66524096f, within(6e-8f));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void softmaxIsShiftInvariantForLargeInputs(VectorOps ops) {
        float[] out = new float[3];
        ops.softmax(new float[] {1001, 1002, 1003}, 0, out, 0, 3);
        assertThat(out[0]).isCloseTo(0.09003057f, within(3e-8f));
        assertThat(out[2]).isCloseTo(0.66524096f, within(6e-8f));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void rmsNormOfThreeFour(VectorOps ops) {
        // mean of squares (9 + 16) / 2 = 12.5, rms = 3.5355339
        float[] out = new float[2];
        ops.rmsNorm(new float[] {3, 4}, 0, new float[] {1, 1}, 0f, out, 0, 2);
        assertThat(out[0]).isCloseTo(0.8485281f, within(1e-7f));
        assertThat(out[1]).isCloseTo(1.1313708f, within(1e-7f));
        ops.rmsNorm(new float[] {3, 4}, 0, new float[] {2, 0.5f}, 0f, out, 0, 2);
        assertThat(out[0]).isCloseTo(1.6970563f, within(2e-7f));
        assertThat(out[1]).isCloseTo(0.5656854f, within(1e-7f));
        // eps = 0.5 on [1, 1]: 1 / sqrt(1.5) = 0.81649658
        ops.rmsNorm(new float[] {1, 1}, 0, new float[] {1, 1}, 0.5f, out, 0, 2);
        assertThat(out[0]).isCloseTo(0.8164966f, within(1e-7f));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void ropeRotatesNeoxPairs(VectorOps ops) {
        // headDim 2, pos 1: theta_0 = 1 rad; [1, 0] -> [cos 1, sin 1]
        float[] x = {1, 0};
        ops.rope(x, 0, 1, 2, 1, 10000f);
        assertThat(x[0]).isCloseTo(0.5403023f, within(1e-7f));
        assertThat(x[1]).isCloseTo(0.8414710f, within(1e-7f));
        // headDim 4, pos 2: pairs (0, 2) at theta 2 and (1, 3) at theta 2 * 10000^(-1/2) = 0.02
        float[] y = {1, 1, 0, 0};
        ops.rope(y, 0, 1, 4, 2, 10000f);
        assertThat(y[0]).isCloseTo(-0.41614684f, within(1e-7f));
        assertThat(y[1]).isCloseTo(0.99980001f, within(1e-7f));
        assertThat(y[2]).isCloseTo(0.90929743f, within(1e-7f));
        assertThat(y[3]).isCloseTo(0.01999867f, within(1e-7f));
        // a second head at offset 1 gets the same rotation; x[0] is not touched
        float[] z = {7, 1, 1, 0, 0, 0, 1, 1, 0};
        ops.rope(z, 1, 2, 4, 2, 10000f);
        assertThat(z[0]).isEqualTo(7f);
        assertThat(z[1]).isCloseTo(-0.41614684f, within(1e-7f));
        // second head [0, 0, 1, 1]: x0' = 0 cos 2 - 1 sin 2 = -0.90929743
        assertThat(z[5]).isCloseTo(-0.90929743f, within(1e-7f));
    }

    // ---- NaN and infinity, placed in the vector body and in the tail ----

    @ParameterizedTest
    @MethodSource("allBackends")
    void maxPropagatesNaNWherever(VectorOps ops) {
        for (int at : new int[] {0, 5, 63, 64, 99}) {
            assertThat(ops.max(withValueAt(100, 1f, at, NAN), 0, 100))
                    .as("NaN at %d", at)
                    .isNaN();
            assertThat(ops.sum(withValueAt(100, 1f, at, NAN), 0, 100))
                    .as("NaN at %d", at)
                    .isNaN();
            assertThat(ops.max(withValueAt(100, 1f, at, INF), 0, 100)).isEqualTo(INF);
        }
        assertThat(ops.max(new float[] {-0f, 0f}, 0, 2)).isEqualTo(0f);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void activationsPropagateNaNAndTakeLimitsAtInfinity(VectorOps ops) {
        int n = 37;
        float[] x = new float[n];
        Arrays.fill(x, 0.5f);
        x[0] = NAN;
        x[1] = INF;
        x[2] = -INF;
        x[n - 1] = NAN;
        x[n - 2] = INF;
        x[n - 3] = -INF;
        x[n - 4] = -0f;
        float[] out = new float[n];
        for (String op : new String[] {"relu", "relu2", "gelu", "silu", "swish"}) {
            switch (op) {
                case "relu" -> ops.relu(x, out, n);
                case "relu2" -> ops.relu2(x, out, n);
                case "gelu" -> ops.gelu(x, out, n);
                case "silu" -> ops.silu(x, out, n);
                default -> ops.swish(x, 2f, out, n);
            }
            for (int i : new int[] {0, n - 1}) {
                assertThat(out[i]).as("%s(NaN) at %d", op, i).isNaN();
            }
            for (int i : new int[] {1, n - 2}) {
                assertThat(out[i]).as("%s(+inf) at %d", op, i).isEqualTo(INF);
            }
            for (int i : new int[] {2, n - 3}) {
                assertThat(out[i]).as("%s(-inf) at %d", op, i).isZero();
            }
            assertThat(out[n - 4]).as("%s(-0)", op).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void swishWithNegativeBetaTakesTheOtherLimits(VectorOps ops) {
        float[] out = new float[2];
        ops.swish(new float[] {INF, -INF}, -1f, out, 2);
        assertThat(out[0]).isZero(); // inf * sigmoid(-inf)
        assertThat(out[1]).isEqualTo(-INF); // -inf * sigmoid(+inf)
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void softmaxEdgeCases(VectorOps ops) {
        float[] out = new float[40];
        ops.softmax(withValueAt(40, 1f, 33, NAN), 0, out, 0, 40);
        assertThat(out).containsOnly(NAN);

        float[] twoInfinities = withValueAt(40, 1f, 3, INF);
        twoInfinities[37] = INF;
        twoInfinities[20] = -INF;
        ops.softmax(twoInfinities, 0, out, 0, 40);
        for (int i = 0; i < 40; i++) {
            assertThat(out[i]).as("at %d", i).isEqualTo(i == 3 || i == 37 ? 0.5f : 0f);
        }

        ops.softmax(new float[] {-INF, 0f, -INF}, 0, out, 0, 3);
        assertThat(Arrays.copyOf(out, 3)).containsExactly(0f, 1f, 0f);

        float[] allNegativeInfinity = new float[40];
        Arrays.fill(allNegativeInfinity, -INF);
        ops.softmax(allNegativeInfinity, 0, out, 0, 40);
        assertThat(out).containsOnly(NAN);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void softmaxAndRmsNormWorkInPlace(VectorOps ops) {
        float[] x = {1, 2, 3};
        ops.softmax(x, 0, x, 0, 3);
        assertThat(x[2]).isCloseTo(0.66524096f, within(6e-8f));
        float[] y = {3, 4};
        ops.rmsNorm(y, 0, new float[] {1, 1}, 0f, y, 0, 2);
        assertThat(y[1]).isCloseTo(1.1313708f, within(1e-7f));
    }

    // ---- argument checks ----

    @ParameterizedTest
    @MethodSource("allBackends")
    void shortArraysAreRejectedWithBothNumbers(VectorOps ops) {
        float[] four = new float[4];
        float[] eight = new float[8];
        assertThatThrownBy(() -> ops.add(four, eight, eight, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a has length 4")
                .hasMessageContaining("8");
        assertThatThrownBy(() -> ops.sum(eight, 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 8")
                .hasMessageContaining("9");
        assertThatThrownBy(() -> ops.relu(eight, four, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out has length 4");
        assertThatThrownBy(() -> ops.rmsNorm(eight, 0, four, 1e-5f, eight, 0, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight has length 4");
        assertThatThrownBy(() -> ops.softmax(eight, 1, eight, 0, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 8")
                .hasMessageContaining("9");
        assertThatThrownBy(() -> ops.rope(eight, 0, 3, 4, 1, 10000f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 8")
                .hasMessageContaining("12");
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void negativeSizesAndBadRopeArgumentsAreRejected(VectorOps ops) {
        float[] a = new float[8];
        assertThatThrownBy(() -> ops.scale(a, 2f, a, -1)).hasMessageContaining("n must be >= 0, got -1");
        assertThatThrownBy(() -> ops.max(a, -1, 2)).hasMessageContaining("must be >= 0, got -1");
        assertThatThrownBy(() -> ops.rope(a, 0, 1, 3, 1, 10000f)).hasMessageContaining("headDim must be even");
        assertThatThrownBy(() -> ops.rope(a, 0, 1, 4, 1, 0f)).hasMessageContaining("freqBase");
        assertThatThrownBy(() -> ops.map(a, null, a, 2)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unknownBackendNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Backends.byName("gpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpu")
                .hasMessageContaining("scalar")
                .hasMessageContaining("simd")
                .hasMessageContaining("parallel");
        assertThat(Backends.byName("simd").name()).isEqualTo("simd");
    }
}
