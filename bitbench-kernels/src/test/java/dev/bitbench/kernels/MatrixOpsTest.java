package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link MatrixOps} backend against the scalar reference and against hand-computed products.
 *
 * <p>Tolerance for products: {@code |c - ref| <= 1e-5 * sum_p |a[i,p] * b[p,j]|} (plus the
 * smallest normal float), a relative bound on the summation; the two results differ only in the
 * order of float additions. Random inputs are uniform in [-1, 1) from a fixed seed.
 */
class MatrixOpsTest {
    private static final int L = FloatVector.SPECIES_PREFERRED.length();
    private static final double RELATIVE_TOLERANCE = 1e-5;
    private static final MatrixOps SCALAR = new ScalarMatrixOps();

    /** Small blocks so that modest sizes cross every k, row and column block edge; always packs. */
    private static GemmBlocked tinyBlocks(GemmTile tile) {
        return new GemmBlocked(tile, 7, 2 * tile.rows, 2 * tile.columns());
    }

    static Stream<Named<MatrixOps>> fastBackends() {
        return Stream.of(
                Named.of("simd", new SimdMatrixOps()),
                Named.of("parallel(2)", new ParallelMatrixOps(Parallel.withThreads(2))),
                Named.of("parallel(3)", new ParallelMatrixOps(Parallel.withThreads(3))),
                Named.of("simd 8x2 tiny blocks", new SimdMatrixOps(tinyBlocks(GemmTile.ROWS8_VECTORS2))),
                Named.of("simd 4x4 tiny blocks", new SimdMatrixOps(tinyBlocks(GemmTile.ROWS4_VECTORS4))),
                Named.of(
                        "parallel(3) 8x2 tiny blocks",
                        new ParallelMatrixOps(Parallel.withThreads(3), tinyBlocks(GemmTile.ROWS8_VECTORS2))),
                Named.of(
                        "parallel(2) 4x4 tiny blocks",
                        new ParallelMatrixOps(Parallel.withThreads(2), tinyBlocks(GemmTile.ROWS4_VECTORS4))));
    }

    static Stream<Named<MatrixOps>> allBackends() {
        return Stream.concat(Stream.of(Named.of("scalar", SCALAR)), fastBackends());
    }

    /** Shapes {m, n, k}: zero, one, around the lane count, odd primes, non-square, block edges. */
    static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        int[] edge = {0, 1, L - 1, L, L + 1, 7, 31};
        for (int m : edge) {
            for (int n : edge) {
                for (int k : new int[] {0, 1, L + 1, 31}) {
                    shapes.add(new int[] {m, n, k});
                }
            }
        }
        shapes.add(new int[] {97, 97, 97});
        shapes.add(new int[] {13, 37, 29});
        shapes.add(new int[] {1, 300, 5});
        shapes.add(new int[] {300, 1, 5});
        shapes.add(new int[] {67, 71, 73}); // above the unpacked threshold, every edge ragged
        shapes.add(new int[] {33, 2 * L + 3, 301});
        shapes.add(new int[] {256, 256, 256});
        return shapes;
    }

    static Stream<Arguments> backendsAndShapes() {
        return fastBackends().flatMap(b -> shapes().stream().map(s -> Arguments.of(b, s)));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void gemmMatchesHandComputedProduct(MatrixOps ops) {
        float[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        float[] b = {7, 8, 9, 10, 11, 12}; // 3x2
        float[] c = new float[4];
        ops.gemm(a, b, c, 2, 2, 3);
        // 1*7+2*9+3*11 = 58, 1*8+2*10+3*12 = 64, 4*7+5*9+6*11 = 139, 4*8+5*10+6*12 = 154
        assertThat(c).containsExactly(58, 64, 139, 154);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void gemmTransBMatchesHandComputedProduct(MatrixOps ops) {
        float[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        float[] bt = {7, 9, 11, 8, 10, 12}; // B^T stored as 2x3
        float[] c = new float[4];
        ops.gemmTransB(a, bt, c, 2, 2, 3);
        assertThat(c).containsExactly(58, 64, 139, 154);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void gemvMatchesHandComputedProduct(MatrixOps ops) {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] y = new float[2];
        ops.gemv(a, new float[] {1, 0.5f, -1}, y, 2, 3);
        // 1 + 1 - 3 = -1, 4 + 2.5 - 6 = 0.5
        assertThat(y).containsExactly(-1f, 0.5f);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void gemvF16MatchesHandComputedProduct(MatrixOps ops) {
        // halves 1, 2, 2^-24 (smallest subnormal) / -0.5, 65504 (largest finite), 0
        short[] a = {0x3c00, 0x4000, 0x0001, (short) 0xb800, 0x7bff, 0x0000};
        float[] y = new float[2];
        ops.gemvF16(a, new float[] {1, 0.5f, 0x1p24f}, y, 2, 3);
        // 1 + 1 + 2^-24 * 2^24 = 3; -0.5 + 32752 + 0 = 32751.5
        assertThat(y).containsExactly(3f, 32751.5f);
    }

    @ParameterizedTest
    @MethodSource("backendsAndShapes")
    void gemmMatchesScalarWithinTolerance(MatrixOps ops, int[] shape) {
        int m = shape[0], n = shape[1], k = shape[2];
        SplittableRandom random = new SplittableRandom(31L * m + 7L * n + k);
        float[] a = randoms(random, m * k);
        float[] b = randoms(random, k * n);
        float[] expected = new float[m * n];
        SCALAR.gemm(a, b, expected, m, n, k);
        float[] actual = filledWithNaN(m * n);
        ops.gemm(a, b, actual, m, n, k);
        assertClose(actual, expected, absoluteProducts(a, b, m, n, k, false));
    }

    @ParameterizedTest
    @MethodSource("backendsAndShapes")
    void gemmTransBMatchesScalarWithinTolerance(MatrixOps ops, int[] shape) {
        int m = shape[0], n = shape[1], k = shape[2];
        SplittableRandom random = new SplittableRandom(17L * m + 5L * n + k);
        float[] a = randoms(random, m * k);
        float[] bt = randoms(random, n * k);
        float[] expected = new float[m * n];
        SCALAR.gemmTransB(a, bt, expected, m, n, k);
        float[] actual = filledWithNaN(m * n);
        ops.gemmTransB(a, bt, actual, m, n, k);
        assertClose(actual, expected, absoluteProducts(a, bt, m, n, k, true));
    }

    @ParameterizedTest
    @MethodSource("backendsAndShapes")
    void gemvMatchesScalarWithinTolerance(MatrixOps ops, int[] shape) {
        int m = shape[0] + shape[1], k = shape[2] + shape[1];
        SplittableRandom random = new SplittableRandom(13L * m + k);
        float[] a = randoms(random, m * k);
        float[] x = randoms(random, k);
        float[] expected = new float[m];
        SCALAR.gemv(a, x, expected, m, k);
        float[] actual = filledWithNaN(m);
        ops.gemv(a, x, actual, m, k);
        assertClose(actual, expected, absoluteProducts(a, x, m, 1, k, false));
    }

    @ParameterizedTest
    @MethodSource("backendsAndShapes")
    void gemvF16MatchesScalarWithinTolerance(MatrixOps ops, int[] shape) {
        int m = shape[0] + shape[1], k = shape[2] + shape[1];
        SplittableRandom random = new SplittableRandom(11L * m + k);
        short[] a = new short[m * k];
        float[] widened = new float[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = Fp16.fromFloat((float) random.nextDouble(-1, 1));
            widened[i] = Fp16.toFloat(a[i]);
        }
        float[] x = randoms(random, k);
        float[] expected = new float[m];
        SCALAR.gemvF16(a, x, expected, m, k);
        float[] actual = filledWithNaN(m);
        ops.gemvF16(a, x, actual, m, k);
        assertClose(actual, expected, absoluteProducts(widened, x, m, 1, k, false));
    }

    @ParameterizedTest
    @MethodSource("fastBackends")
    void gemmCrossesTheDefaultBlocks(MatrixOps ops) {
        // k one KC block and 3 more, m one MC block and 5 more rows, n ragged; above the
        // unpacked-path threshold so the default driver packs
        int m = GemmBlocked.DEFAULT_MC + 5, n = 133, k = GemmBlocked.DEFAULT_KC + 3;
        assertThat(new GemmBlocked().prefersUnpacked(m, n, k)).isFalse();
        SplittableRandom random = new SplittableRandom(5);
        float[] a = randoms(random, m * k);
        float[] b = randoms(random, k * n);
        float[] expected = new float[m * n];
        SCALAR.gemm(a, b, expected, m, n, k);
        float[] actual = filledWithNaN(m * n);
        ops.gemm(a, b, actual, m, n, k);
        assertClose(actual, expected, absoluteProducts(a, b, m, n, k, false));
        float[] bt = transpose(b, k, n);
        float[] actualT = filledWithNaN(m * n);
        ops.gemmTransB(a, bt, actualT, m, n, k);
        assertClose(actualT, expected, absoluteProducts(a, b, m, n, k, false));
    }

    @Test
    void simdGemmMatchesScalarAt1024() {
        int n = 1024;
        SplittableRandom random = new SplittableRandom(1024);
        float[] a = randoms(random, n * n);
        float[] b = randoms(random, n * n);
        float[] expected = new float[n * n];
        SCALAR.gemm(a, b, expected, n, n, n);
        float[] actual = filledWithNaN(n * n);
        new SimdMatrixOps().gemm(a, b, actual, n, n, n);
        assertClose(actual, expected, absoluteProducts(a, b, n, n, n, false));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void nanAndInfinityPropagateLikeScalar(MatrixOps ops) {
        int m = 67, n = 71, k = 73; // large enough for the packed path
        SplittableRandom random = new SplittableRandom(3);
        float[] a = randoms(random, m * k);
        float[] b = randoms(random, k * n);
        a[5 * k + 10] = Float.NaN; // row 5 of C becomes NaN
        a[9 * k + 2] = Float.POSITIVE_INFINITY; // row 9: +-inf by the sign of b[2, j]
        b[40 * n + 3] = Float.NEGATIVE_INFINITY; // column 3: +-inf, NaN where it meets row 9
        float[] expected = new float[m * n];
        SCALAR.gemm(a, b, expected, m, n, k);
        float[] actual = new float[m * n];
        ops.gemm(a, b, actual, m, n, k);
        assertThat(expected[5 * n]).isNaN();
        assertThat(expected[9 * n]).isInfinite();
        for (int i = 0; i < m * n; i++) {
            if (Float.isNaN(expected[i])) {
                assertThat(actual[i]).as("element %d", i).isNaN();
            } else if (Float.isInfinite(expected[i])) {
                assertThat(actual[i]).as("element %d", i).isEqualTo(expected[i]);
            } else {
                assertThat(actual[i]).as("element %d", i).isFinite();
            }
        }
        float[] y = new float[m];
        float[] yExpected = new float[m];
        float[] x = Arrays.copyOf(b, k);
        SCALAR.gemv(a, x, yExpected, m, k);
        ops.gemv(a, x, y, m, k);
        assertThat(yExpected[5]).isNaN();
        assertThat(y[5]).isNaN();
        assertThat(y[9]).isEqualTo(yExpected[9]).isInfinite();
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void gemvF16PropagatesHalfInfinityAndNaN(MatrixOps ops) {
        int k = 2 * L + 3;
        short[] a = new short[3 * k];
        Arrays.fill(a, (short) 0x3c00); // 1.0
        a[L + 1] = Fp16.POSITIVE_INFINITY; // inside a vector of row 0
        a[k + 2 * L + 1] = Fp16.NaN; // in the scalar tail of row 1
        a[2 * k] = Fp16.NEGATIVE_INFINITY; // first lane of row 2
        float[] x = new float[k];
        Arrays.fill(x, 1f);
        float[] y = new float[3];
        ops.gemvF16(a, x, y, 3, k);
        assertThat(y[0]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(y[1]).isNaN();
        assertThat(y[2]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void zeroSharedDimensionGivesZeros(MatrixOps ops) {
        float[] c = filledWithNaN(12);
        ops.gemm(new float[0], new float[0], c, 3, 4, 0);
        assertThat(c).containsOnly(0f);
        Arrays.fill(c, Float.NaN);
        ops.gemmTransB(new float[0], new float[0], c, 4, 3, 0);
        assertThat(c).containsOnly(0f);
        float[] y = filledWithNaN(3);
        ops.gemv(new float[0], new float[0], y, 3, 0);
        assertThat(y).containsOnly(0f);
        Arrays.fill(y, Float.NaN);
        ops.gemvF16(new short[0], new float[0], y, 3, 0);
        assertThat(y).containsOnly(0f);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void emptyOutputsLeaveArraysUntouched(MatrixOps ops) {
        float[] c = {42f};
        ops.gemm(new float[0], new float[5], c, 0, 1, 5);
        ops.gemm(new float[5], new float[0], c, 1, 0, 5);
        ops.gemmTransB(new float[0], new float[5], c, 0, 1, 5);
        ops.gemv(new float[0], new float[5], c, 0, 5);
        ops.gemvF16(new short[0], new float[5], c, 0, 5);
        assertThat(c).containsExactly(42f);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void shortArraysAreRejectedNamingDimensionsAndLength(MatrixOps ops) {
        assertThatThrownBy(() -> ops.gemm(new float[5], new float[6], new float[4], 2, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.length 5")
                .hasMessageContaining("m*k = 2*3 = 6");
        assertThatThrownBy(() -> ops.gemm(new float[6], new float[5], new float[4], 2, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.length 5")
                .hasMessageContaining("k*n = 3*2 = 6");
        assertThatThrownBy(() -> ops.gemm(new float[6], new float[6], new float[3], 2, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.length 3")
                .hasMessageContaining("m*n = 2*2 = 4");
        assertThatThrownBy(() -> ops.gemmTransB(new float[6], new float[8], new float[6], 2, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.length 8")
                .hasMessageContaining("n*k = 3*3 = 9");
        assertThatThrownBy(() -> ops.gemv(new float[6], new float[2], new float[2], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.length 2");
        assertThatThrownBy(() -> ops.gemv(new float[6], new float[3], new float[1], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y.length 1");
        assertThatThrownBy(() -> ops.gemvF16(new short[5], new float[3], new float[2], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.length 5")
                .hasMessageContaining("m*k = 2*3 = 6");
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void negativeDimensionsAreRejected(MatrixOps ops) {
        assertThatThrownBy(() -> ops.gemm(new float[1], new float[1], new float[1], -1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m=-1");
        assertThatThrownBy(() -> ops.gemv(new float[1], new float[1], new float[1], 1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k=-2");
    }

    @ParameterizedTest
    @MethodSource("fastBackends")
    void repeatedCallsReuseScratchWithoutStaleData(MatrixOps ops) {
        // a large product fills the packing buffers; a smaller one afterwards must not see it
        SplittableRandom random = new SplittableRandom(8);
        for (int[] s : new int[][] {{130, 2 * L + 9, 90}, {67, L + 3, 301}, {130, 2 * L + 9, 90}}) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = randoms(random, m * k);
            float[] b = randoms(random, k * n);
            float[] expected = new float[m * n];
            SCALAR.gemm(a, b, expected, m, n, k);
            float[] actual = filledWithNaN(m * n);
            ops.gemm(a, b, actual, m, n, k);
            assertClose(actual, expected, absoluteProducts(a, b, m, n, k, false));
        }
    }

    @Test
    void gemmsInsideTasksOfTheSamePoolAreCorrect() {
        // GEMMs nested in the tasks of their own pool: no deadlock, and each result correct (a
        // worker waiting on one GEMM may run another's tasks; packing buffers are per call)
        Parallel parallel = Parallel.withThreads(2);
        MatrixOps ops = new ParallelMatrixOps(parallel, tinyBlocks(GemmTile.preferred()));
        int count = 6, m = 70, n = 3 * L + 1, k = 90;
        SplittableRandom random = new SplittableRandom(21);
        float[][] as = new float[count][], bs = new float[count][], cs = new float[count][];
        for (int t = 0; t < count; t++) {
            as[t] = randoms(random, m * k);
            bs[t] = randoms(random, k * n);
            cs[t] = filledWithNaN(m * n);
        }
        parallel.forRange(count, 1, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                ops.gemm(as[t], bs[t], cs[t], m, n, k);
            }
        });
        for (int t = 0; t < count; t++) {
            float[] expected = new float[m * n];
            SCALAR.gemm(as[t], bs[t], expected, m, n, k);
            assertClose(cs[t], expected, absoluteProducts(as[t], bs[t], m, n, k, false));
        }
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    private static float[] filledWithNaN(int n) {
        float[] values = new float[n];
        Arrays.fill(values, Float.NaN);
        return values;
    }

    private static float[] transpose(float[] b, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = b[r * cols + c];
            }
        }
        return t;
    }

    /** {@code sum_p |a[i,p] * b[p,j]|} per output element: the scale of the summation error. */
    private static double[] absoluteProducts(float[] a, float[] b, int m, int n, int k, boolean transB) {
        double[] sums = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += Math.abs((double) a[i * k + p] * (transB ? b[j * k + p] : b[p * n + j]));
                }
                sums[i * n + j] = sum;
            }
        }
        return sums;
    }

    private static void assertClose(float[] actual, float[] expected, double[] scale) {
        for (int i = 0; i < expected.length; i++) {
            double bound = RELATIVE_TOLERANCE * scale[i] + Float.MIN_NORMAL;
            assertThat((double) actual[i]).as("element %d", i).isBetween(expected[i] - bound, expected[i] + bound);
        }
    }
}
