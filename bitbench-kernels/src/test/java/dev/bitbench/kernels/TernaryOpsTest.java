package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.parallel.Parallel;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fast backend against the scalar reference: integer dot products and scaled outputs must be
 * bit-identical (both are exact integer sums scaled by the same float expression).
 */
class TernaryOpsTest {
    private static final TernaryOps SCALAR = new ScalarTernaryOps();
    private static final int[] ROWS = {0, 1, 5, 31, 32, 33, 67, 130};
    private static final int[] COLS = {0, 1, 3, 7, 8, 9, 31, 33, 119, 120, 121, 257, 1030};

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("simd-multiply", new SimdTernaryOps(SimdTernaryOps.Kernel.MULTIPLY)),
                Arguments.of("simd-lookup", new SimdTernaryOps(SimdTernaryOps.Kernel.LOOKUP)),
                Arguments.of(
                        "parallel-2-multiply",
                        new ParallelTernaryOps(Parallel.withThreads(2), SimdTernaryOps.Kernel.MULTIPLY)),
                Arguments.of(
                        "parallel-3-lookup",
                        new ParallelTernaryOps(Parallel.withThreads(3), SimdTernaryOps.Kernel.LOOKUP)));
    }

    static Stream<Arguments> backendsAndShapes() {
        return backends()
                .flatMap(b -> Arrays.stream(ROWS)
                        .boxed()
                        .flatMap(r -> IntStream.of(COLS).mapToObj(c -> Arguments.of(b.get()[0], b.get()[1], r, c))));
    }

    @ParameterizedTest(name = "{0} [{2} x {3}]")
    @MethodSource("backendsAndShapes")
    void matchesScalarExactlyOnRandomInputs(String name, TernaryOps ops, int rows, int cols) {
        Random rnd = new Random(31L * rows + cols);
        PackedTernaryMatrix w = randomWeights(rnd, rows, cols);
        Int8Activations x = randomActivations(rnd, 3, cols);

        for (int t = 0; t < x.rows(); t++) {
            int[] expected = new int[rows];
            int[] actual = new int[rows];
            SCALAR.ternaryDots(w, x, t, expected);
            ops.ternaryDots(w, x, t, actual);
            assertThat(actual).as("dots of token %d", t).containsExactly(expected);

            float[] ye = new float[rows + 2];
            float[] ya = new float[rows + 2];
            SCALAR.bitLinearGemv(w, x, t, ye, 2);
            ops.bitLinearGemv(w, x, t, ya, 2);
            assertThat(ya).as("gemv of token %d", t).containsExactly(ye);
        }
        float[] ge = new float[x.rows() * rows];
        float[] ga = new float[x.rows() * rows];
        SCALAR.bitLinearGemm(w, x, ge);
        ops.bitLinearGemm(w, x, ga);
        assertThat(ga).as("gemm").containsExactly(ge);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sumsExtremesExactlyAcrossManyGroups(String name, TernaryOps ops) {
        // 40 * 256 columns: many widenings of the 16-bit accumulators (every 15 words of 8)
        int cols = 40 * 256 + 17;
        byte[] trits = new byte[4 * cols + cols];
        Arrays.fill(trits, 0, cols, (byte) 1); // row 0: all +1
        Arrays.fill(trits, cols, 2 * cols, (byte) -1); // row 1: all -1
        for (int c = 0; c < cols; c++) {
            trits[2 * cols + c] = (byte) (c % 2 == 0 ? 1 : -1); // row 2: alternating
        }
        PackedTernaryMatrix w = PackedTernaryMatrix.pack(trits, 5, cols, 1f);
        byte[] xv = new byte[2 * cols];
        Arrays.fill(xv, 0, cols, (byte) 127);
        Arrays.fill(xv, cols, 2 * cols, (byte) -128);
        Int8Activations x = new Int8Activations(xv, new float[] {1f, 1f}, 2, cols);
        int[] dots = new int[5];

        ops.ternaryDots(w, x, 0, dots);
        assertThat(dots).containsExactly(127 * cols, -127 * cols, 127, 0, 0);
        ops.ternaryDots(w, x, 1, dots);
        assertThat(dots).containsExactly(-128 * cols, 128 * cols, -128, 0, 0);
    }

    static Stream<Arguments> backendsAndBatches() {
        // batches from 4 tokens to a prompt's 64 (the random test above uses 3): a batched kernel
        // that shares weight loads between tokens must agree with the scalar one for each
        return backends()
                .flatMap(b -> IntStream.of(4, 5, 7, 8, 9, 64)
                        .mapToObj(tokens -> Arguments.of(b.get()[0], b.get()[1], tokens)));
    }

    @ParameterizedTest(name = "{0} tokens {2}")
    @MethodSource("backendsAndBatches")
    void gemmOfBatchesMatchesScalarExactly(String name, TernaryOps ops, int tokens) {
        Random rnd = new Random(17L * tokens);
        for (int[] shape : new int[][] {{1, 9}, {33, 257}, {67, 1030}, {130, 121}}) {
            PackedTernaryMatrix w = randomWeights(rnd, shape[0], shape[1]);
            Int8Activations x = randomActivations(rnd, tokens, shape[1]);
            float[] expected = new float[tokens * shape[0]];
            float[] actual = new float[tokens * shape[0]];
            SCALAR.bitLinearGemm(w, x, expected);
            ops.bitLinearGemm(w, x, actual);
            assertThat(actual)
                    .as("gemm %s x %d tokens", Arrays.toString(shape), tokens)
                    .containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void gemmSumsExtremesExactlyAcrossManyGroupsForEveryTokenOfABatch(String name, TernaryOps ops) {
        // as sumsExtremesExactlyAcrossManyGroups, through the GEMM: 5 tokens alternating +127 and
        // -128 in every column, so every token's 16-bit accumulators reach their bound
        int cols = 40 * 256 + 17;
        byte[] trits = new byte[2 * cols];
        Arrays.fill(trits, 0, cols, (byte) 1);
        Arrays.fill(trits, cols, 2 * cols, (byte) -1);
        PackedTernaryMatrix w = PackedTernaryMatrix.pack(trits, 2, cols, 1f);
        int tokens = 5;
        byte[] xv = new byte[tokens * cols];
        for (int t = 0; t < tokens; t++) {
            Arrays.fill(xv, t * cols, (t + 1) * cols, (byte) (t % 2 == 0 ? 127 : -128));
        }
        float[] ones = new float[tokens];
        Arrays.fill(ones, 1f);
        float[] y = new float[tokens * 2];
        ops.bitLinearGemm(w, new Int8Activations(xv, ones, tokens, cols), y);
        for (int t = 0; t < tokens; t++) {
            float v = t % 2 == 0 ? 127f * cols : -128f * cols;
            assertThat(new float[] {y[2 * t], y[2 * t + 1]}).as("token %d", t).containsExactly(v, -v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void appliesWeightAndTokenScalesPerOutput(String name, TernaryOps ops) {
        // W = [[1, -1, 0], [1, 1, 1]] with row scales 0.5 and 2; x = [[3, 4, 5]] with scale 0.25
        PackedTernaryMatrix w = PackedTernaryMatrix.pack(new byte[] {1, -1, 0, 1, 1, 1}, 2, 3, 0.5f, 2f);
        Int8Activations x = new Int8Activations(new byte[] {3, 4, 5}, new float[] {0.25f}, 1, 3);
        float[] y = new float[2];

        ops.bitLinearGemv(w, x, 0, y, 0);

        assertThat(y).containsExactly(-1 * 0.5f * 0.25f, 12 * 2f * 0.25f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void rejectsMismatchedShapesNamingBoth(String name, TernaryOps ops) {
        PackedTernaryMatrix w = PackedTernaryMatrix.pack(new byte[12], 3, 4, 1f);
        Int8Activations x = Int8Activations.allocate(2, 5);

        assertThatThrownBy(() -> ops.bitLinearGemv(w, x, 0, new float[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3 x 4]")
                .hasMessageContaining("[2 x 5]");
        assertThatThrownBy(() -> ops.bitLinearGemm(w, x, new float[6]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3 x 4]")
                .hasMessageContaining("[2 x 5]");
        Int8Activations fits = Int8Activations.allocate(2, 4);
        assertThatThrownBy(() -> ops.bitLinearGemm(w, fits, new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y has 5")
                .hasMessageContaining("[3 x 4]");
        assertThatThrownBy(() -> ops.ternaryDots(w, fits, 2, new int[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token 2");
    }

    static PackedTernaryMatrix randomWeights(Random rnd, int rows, int cols) {
        byte[] trits = new byte[rows * cols];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (rnd.nextInt(3) - 1);
        }
        float[] scales = new float[Math.max(1, rows)];
        for (int r = 0; r < scales.length; r++) {
            scales[r] = 0.01f + rnd.nextFloat();
        }
        return rows == 0
                ? PackedTernaryMatrix.pack(trits, rows, cols, 1f)
                : PackedTernaryMatrix.pack(trits, rows, cols, scales);
    }

    static Int8Activations randomActivations(Random rnd, int tokens, int cols) {
        byte[] v = new byte[tokens * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (rnd.nextInt(255) - 127);
        }
        float[] s = new float[tokens];
        for (int t = 0; t < tokens; t++) {
            s[t] = rnd.nextFloat() / 127f;
        }
        return new Int8Activations(v, s, tokens, cols);
    }
}
