package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jdk.incubator.vector.FloatVector;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorOps#dotRows} and {@link VectorOps#weightedRowSum} of every backend against sums
 * written here in double. Tolerance: {@code 1e-5 * sum |terms|} (plus the smallest normal), a
 * bound on float summation in any order; inputs uniform in [-1, 1) from a fixed seed.
 */
class AttentionKernelsTest {
    private static final int L = FloatVector.SPECIES_PREFERRED.length();

    static Stream<Named<VectorOps>> backends() {
        return Stream.of(
                Named.of("scalar", new ScalarVectorOps()),
                Named.of("simd", new SimdVectorOps()),
                Named.of("parallel(2)", new ParallelVectorOps(Parallel.withThreads(2))));
    }

    /** Row lengths around the lane count, counts from 0, strides equal to and past the length. */
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        backends().forEach(ops -> {
            for (int n : new int[] {0, 1, L - 1, L, L + 1, 64, 67}) {
                for (int count : new int[] {0, 1, 2, 5, 33}) {
                    for (int extra : new int[] {0, 3}) {
                        b.add(Arguments.of(ops, n, count, n + extra));
                    }
                }
            }
        });
        return b.build();
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    @ParameterizedTest(name = "{0} n={1} count={2} stride={3}")
    @MethodSource("cases")
    void dotRowsAndWeightedSumsMatchDoubleSums(VectorOps ops, int n, int count, int stride) {
        SplittableRandom r = new SplittableRandom(1000L * n + 10L * count + stride);
        int rowsOff = 2;
        float[] rows = random(r, rowsOff + count * stride + 1);
        float[] x = random(r, n + 3);
        float[] scores = new float[count + 4];
        java.util.Arrays.fill(scores, 9f);
        ops.dotRows(x, 3, rows, rowsOff, stride, count, n, 0.5f, scores, 1);
        for (int j = 0; j < count; j++) {
            double dot = 0;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                dot += (double) x[3 + i] * rows[rowsOff + j * stride + i];
                magnitude += Math.abs((double) x[3 + i] * rows[rowsOff + j * stride + i]);
            }
            assertThat((double) scores[1 + j])
                    .as("score %d", j)
                    .isCloseTo(0.5 * dot, Offset.offset(1e-5 * magnitude + Float.MIN_NORMAL));
        }
        assertThat(scores[0]).as("untouched before").isEqualTo(9f);
        assertThat(scores[1 + count]).as("untouched after").isEqualTo(9f);

        float[] w = random(r, count + 2);
        float[] out = new float[n + 2];
        java.util.Arrays.fill(out, 9f);
        ops.weightedRowSum(w, 2, rows, rowsOff, stride, count, n, out, 1);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double magnitude = 0;
            for (int j = 0; j < count; j++) {
                sum += (double) w[2 + j] * rows[rowsOff + j * stride + i];
                magnitude += Math.abs((double) w[2 + j] * rows[rowsOff + j * stride + i]);
            }
            assertThat((double) out[1 + i])
                    .as("element %d", i)
                    .isCloseTo(sum, Offset.offset(1e-5 * magnitude + Float.MIN_NORMAL));
        }
        assertThat(out[0]).isEqualTo(9f);
        assertThat(out[1 + n]).isEqualTo(9f);
    }

    @Test
    void handComputedScoresAndMix() {
        VectorOps ops = new SimdVectorOps();
        // two rows of 2 at stride 3: [1, 2, _], [3, 4, _]
        float[] rows = {1, 2, 99, 3, 4, 99};
        float[] out = new float[2];
        ops.dotRows(new float[] {1, -1}, 0, rows, 0, 3, 2, 2, 2f, out, 0);
        assertThat(out).containsExactly(-2f, -2f);
        float[] mix = new float[2];
        ops.weightedRowSum(new float[] {0.25f, 0.75f}, 0, rows, 0, 3, 2, 2, mix, 0);
        assertThat(mix).containsExactly(2.5f, 3.5f);
    }

    @Test
    void rejectsShortArraysAndBadStrides() {
        VectorOps ops = new ScalarVectorOps();
        float[] rows = new float[10];
        assertThatThrownBy(() -> ops.dotRows(new float[4], 0, rows, 0, 4, 3, 4, 1f, new float[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> ops.weightedRowSum(new float[2], 0, rows, 0, 2, 2, 4, new float[4], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride");
        assertThatThrownBy(() -> new SimdVectorOps().dotRows(new float[4], 0, rows, 0, 4, 2, 4, 1f, new float[1], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
