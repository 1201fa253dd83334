package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.kernels.parallel.Parallel;
import dev.bitbench.kernels.quant.Q8_0Matrix;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MatrixOps#gemvQ8_0} of every backend against the scalar twin, against a product written
 * here from the stored codes and scales in double, and against the unquantized matrix within the
 * Q8_0 error bound.
 *
 * <p>Tolerances. Backends vs the double product of the stored form: {@code 1e-5 * sum_c |A(r, c)
 * x[c]|}, float summation in a different order. Stored form vs the original matrix: each weight is
 * off by at most half its block's scale, so {@code |y_q8[r] - y[r]| <= sum_c |x[c]| d(r, c / 32) /
 * 2} (plus the same float slack) — a bound, not an observed value.
 */
class Q8_0GemvTest {
    static Stream<Named<MatrixOps>> backends() {
        return Stream.of(
                Named.of("scalar", new ScalarMatrixOps()),
                Named.of("simd", new SimdMatrixOps()),
                Named.of("parallel(2)", new ParallelMatrixOps(Parallel.withThreads(2))),
                Named.of("parallel(3)", new ParallelMatrixOps(Parallel.withThreads(3))));
    }

    /** Rows around the 4-row unroll and a tail; columns of one block up to many. */
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        int[] rows = {0, 1, 3, 4, 5, 7, 8, 33, 130};
        int[] cols = {32, 64, 96, 256, 1056};
        backends().forEach(backend -> {
            for (int m : rows) {
                for (int k : cols) {
                    b.add(Arguments.of(backend, m, k));
                }
            }
        });
        return b.build();
    }

    @ParameterizedTest(name = "{0} [{1} x {2}]")
    @MethodSource("cases")
    void matchesTheStoredFormAndStaysWithinTheQuantizationBound(MatrixOps ops, int m, int k) {
        SplittableRandom random = new SplittableRandom(31L * m + k);
        float[] a = new float[m * k];
        for (int i = 0; i < a.length; i++) {
            // a spread of block magnitudes, so scales differ from block to block
            a[i] = (float) (random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-2, 2)));
        }
        float[] x = new float[k];
        for (int i = 0; i < k; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
        }
        Q8_0Matrix q = Q8_0Matrix.fromFloat(a, m, k);
        float[] y = new float[m];
        ops.gemvQ8_0(q, x, y);
        for (int r = 0; r < m; r++) {
            double stored = 0;
            double exact = 0;
            double magnitude = 0;
            double bound = 0;
            for (int c = 0; c < k; c++) {
                double scale = q.scales()[q.scaleIndex(r, c / 32)];
                double w = q.codes()[q.blockOffset(r, c / 32) + c % 32] * scale;
                stored += w * x[c];
                exact += (double) a[r * k + c] * x[c];
                magnitude += Math.abs(w * x[c]);
                bound += Math.abs(x[c]) * scale / 2;
            }
            double slack = 1e-5 * magnitude + Float.MIN_NORMAL;
            assertThat((double) y[r]).as("row %d vs stored form", r).isCloseTo(stored, within(slack));
            assertThat((double) y[r]).as("row %d vs original", r).isCloseTo(exact, within(bound + slack));
        }
    }

    @Test
    void interleavesTheBlocksOfFourRowsAndLeavesALastPartialGroupPacked() {
        // 5 rows of 2 blocks: rows 0-3 are a group (blocks r0b0 r1b0 r2b0 r3b0 r0b1 ...), row 4 alone
        float[] a = new float[5 * 64];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 64; c++) {
                a[r * 64 + c] = r * 64 + c == 0 ? 0.5f : 127f; // every block's absmax is 127: d = 1
            }
        }
        a[1 * 64 + 32 + 3] = 5f; // row 1, block 1, code 3
        a[4 * 64 + 32 + 7] = -9f; // row 4, block 1, code 7
        Q8_0Matrix q = Q8_0Matrix.fromFloat(a, 5, 64);
        assertThat(q.blockOffset(1, 0)).isEqualTo(32);
        assertThat(q.blockOffset(0, 1)).isEqualTo(128);
        assertThat(q.blockOffset(1, 1)).isEqualTo(160);
        assertThat(q.blockOffset(4, 0)).isEqualTo(256);
        assertThat(q.blockOffset(4, 1)).isEqualTo(288);
        assertThat(q.scaleIndex(3, 1)).isEqualTo(7);
        assertThat(q.scaleIndex(4, 1)).isEqualTo(9);
        assertThat(q.codes()[160 + 3]).isEqualTo((byte) 5);
        assertThat(q.codes()[288 + 7]).isEqualTo((byte) -9);
        assertThat(q.codes()[0]).isEqualTo((byte) 1); // 0.5 in a block of absmax 127 (block 0, row 0)
        assertThat(q.value(1, 35)).isEqualTo(5f);
        assertThat(q.value(4, 39)).isEqualTo(-9f);
        assertThat(q.value(2, 10)).isEqualTo(127f);
    }

    @Test
    void anyRowRangeOfTheVectorKernelMatchesTheScalarTwin() {
        SplittableRandom random = new SplittableRandom(11);
        int m = 13;
        int k = 96;
        float[] a = new float[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        float[] x = new float[k];
        for (int i = 0; i < k; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        Q8_0Matrix q = Q8_0Matrix.fromFloat(a, m, k);
        float[] expected = new float[m];
        Q8_0Kernels.gemvRowsScalar(q, x, expected, 0, m);
        for (int r0 = 0; r0 <= m; r0++) {
            for (int r1 = r0; r1 <= m; r1++) {
                float[] y = new float[m];
                java.util.Arrays.fill(y, Float.NaN);
                Q8_0Kernels.gemvRowsSimd(q, x, y, r0, r1);
                for (int r = 0; r < m; r++) {
                    if (r < r0 || r >= r1) {
                        assertThat(y[r])
                                .as("row %d outside [%d, %d)", r, r0, r1)
                                .isNaN();
                    } else {
                        assertThat(y[r])
                                .as("row %d of [%d, %d)", r, r0, r1)
                                .isCloseTo(expected[r], org.assertj.core.data.Offset.offset(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void quantizesBlocksByTheirLargestMagnitude() {
        float[] a = new float[64];
        a[0] = -2.54f; // block 0: d = 2.54 / 127 = 0.02
        a[1] = 1.0f; // 1.0 / 0.02 = 50
        a[2] = 0.011f; // 0.55 rounds to 1
        a[40] = 0.5f; // block 1: d = 0.5 / 127, code 127
        Q8_0Matrix q = Q8_0Matrix.fromFloat(a, 1, 64);
        assertThat(q.scales()[0]).isCloseTo(0.02f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(q.codes()[0]).isEqualTo((byte) -127);
        assertThat(q.codes()[1]).isEqualTo((byte) 50);
        assertThat(q.codes()[2]).isEqualTo((byte) 1);
        assertThat(q.codes()[40]).isEqualTo((byte) 127);
        assertThat(q.scales()[1]).isEqualTo(0.5f / 127f);
        assertThat(q.value(0, 1)).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void anAllZeroBlockHasScaleAndCodesZero() {
        Q8_0Matrix q = Q8_0Matrix.fromFloat(new float[32], 1, 32);
        assertThat(q.scales()[0]).isZero();
        assertThat(q.codes()).containsOnly((byte) 0);
        float[] y = {7f};
        new SimdMatrixOps()
                .gemvQ8_0(
                        q,
                        new float[] {
                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
                            26, 27, 28, 29, 30, 31, 32
                        },
                        y);
        assertThat(y[0]).isZero();
    }

    @Test
    void halfInputGivesTheSameBlocksAsItsFloatValues() {
        SplittableRandom random = new SplittableRandom(5);
        short[] half = new short[3 * 64];
        float[] values = new float[half.length];
        for (int i = 0; i < half.length; i++) {
            half[i] = Fp16.fromFloat((float) random.nextDouble(-4, 4));
            values[i] = Fp16.toFloat(half[i]);
        }
        Q8_0Matrix fromHalf = Q8_0Matrix.fromHalf(half, 3, 64);
        Q8_0Matrix fromFloat = Q8_0Matrix.fromFloat(values, 3, 64);
        assertThat(fromHalf.codes()).isEqualTo(fromFloat.codes());
        assertThat(fromHalf.scales()).isEqualTo(fromFloat.scales());
        assertThat(fromHalf.bytesUsed()).isEqualTo(3 * 64 + 4 * 6);
    }

    @Test
    void rejectsBadShapesValuesAndVectors() {
        assertThatThrownBy(() -> Q8_0Matrix.fromFloat(new float[48], 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 32");
        assertThatThrownBy(() -> Q8_0Matrix.fromFloat(new float[32], 2, 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 64");
        float[] nan = new float[32];
        nan[5] = Float.NaN;
        assertThatThrownBy(() -> Q8_0Matrix.fromFloat(nan, 1, 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 5]");
        Q8_0Matrix q = Q8_0Matrix.fromFloat(new float[64], 2, 32);
        assertThatThrownBy(() -> new SimdMatrixOps().gemvQ8_0(q, new float[31], new float[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2 x 32]");
        assertThatThrownBy(() -> new ScalarMatrixOps().gemvQ8_0(q, new float[32], new float[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }
}
