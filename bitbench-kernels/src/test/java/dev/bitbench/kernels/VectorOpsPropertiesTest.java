package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Algebraic properties every backend must have, over generated inputs. */
class VectorOpsPropertiesTest {
    static final List<VectorOps> BACKENDS = List.of(
            Backends.scalar().vector(),
            Backends.simd().vector(),
            Backends.parallel(Parallel.withThreads(2)).vector());

    @Provide
    Arbitrary<float[]> rows() {
        return Arbitraries.floats()
                .between(-60f, 60f)
                .array(float[].class)
                .ofMinSize(1)
                .ofMaxSize(300);
    }

    @Property(tries = 200, seed = "42")
    void addAndMulCommute(@ForAll("rows") float[] a, @ForAll("rows") float[] b) {
        int n = Math.min(a.length, b.length);
        for (VectorOps ops : BACKENDS) {
            float[] ab = new float[n];
            float[] ba = new float[n];
            ops.add(a, b, ab, n);
            ops.add(b, a, ba, n);
            assertThat(ab).isEqualTo(ba);
            ops.mul(a, b, ab, n);
            ops.mul(b, a, ba, n);
            assertThat(ab).isEqualTo(ba);
        }
    }

    @Property(tries = 200, seed = "42")
    void softmaxIsADistribution(@ForAll("rows") float[] x) {
        int n = x.length;
        for (VectorOps ops : BACKENDS) {
            float[] p = new float[n];
            ops.softmax(x, 0, p, 0, n);
            double total = 0;
            for (float v : p) {
                assertThat(v).isBetween(0f, 1f);
                total += v;
            }
            // n roundings of the outputs plus the relative error of the normaliser, each <= n u
            assertThat(total).isCloseTo(1.0, within(2.0 * n * 0x1p-24 + 1e-7));
        }
    }

    @Property(tries = 100, seed = "42")
    void ropeKeepsTheLengthOfEveryPair(@ForAll("rows") float[] x, @ForAll @IntRange(min = 0, max = 100_000) int pos) {
        int headDim = x.length - x.length % 2;
        if (headDim == 0) {
            return;
        }
        int half = headDim / 2;
        for (VectorOps ops : BACKENDS) {
            float[] y = x.clone();
            ops.rope(y, 0, 1, headDim, pos, 10000f);
            for (int i = 0; i < half; i++) {
                double before = Math.hypot(x[i], x[i + half]);
                double after = Math.hypot(y[i], y[i + half]);
                // cos and sin are rounded to float, then 3 roundings per output: a few ulp of the norm
                assertThat(after).isCloseTo(before, within(8 * 0x1p-24 * before + 1e-30));
            }
        }
    }
}
