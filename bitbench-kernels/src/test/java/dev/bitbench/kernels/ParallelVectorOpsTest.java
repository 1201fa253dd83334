package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the parallel backend promises beyond matching the reference: deterministic reductions. */
class ParallelVectorOpsTest {
    static final int N = 1_000_003; // about 31 reduction chunks

    static float[] random(long seed) {
        Random rnd = new Random(seed);
        float[] a = new float[N];
        for (int i = 0; i < N; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    static VectorOps parallel(int threads) {
        return Backends.parallel(Parallel.withThreads(threads)).vector();
    }

    @Test
    void reductionsGiveTheSameBitsForAnyThreadCountAndEveryCall() {
        float[] a = random(1);
        float sum1 = parallel(1).sum(a, 0, N);
        for (int threads : new int[] {1, 2, 3, 4}) {
            for (int repeat = 0; repeat < 3; repeat++) {
                assertThat(parallel(threads).sum(a, 0, N))
                        .as("%d threads", threads)
                        .isEqualTo(sum1);
            }
            assertThat(parallel(threads).mean(a, 0, N)).isEqualTo(sum1 / N);
        }
    }

    @Test
    void rowOpsGiveTheSameBitsForAnyThreadCount() {
        float[] x = random(2);
        float[] w = random(3);
        float[] softmax1 = new float[N];
        float[] rms1 = new float[N];
        parallel(1).softmax(x, 0, softmax1, 0, N);
        parallel(1).rmsNorm(x, 0, w, 1e-6f, rms1, 0, N);
        for (int threads : new int[] {2, 3}) {
            float[] softmax = new float[N];
            float[] rms = new float[N];
            parallel(threads).softmax(x, 0, softmax, 0, N);
            parallel(threads).rmsNorm(x, 0, w, 1e-6f, rms, 0, N);
            assertThat(softmax).as("softmax, %d threads", threads).isEqualTo(softmax1);
            assertThat(rms).as("rmsNorm, %d threads", threads).isEqualTo(rms1);
        }
    }

    @Test
    void elementwiseResultsAreTheSimdResults() {
        float[] x = random(4);
        float[] simd = new float[N];
        float[] par = new float[N];
        Backends.simd().vector().gelu(x, simd, N);
        parallel(3).gelu(x, par, N);
        assertThat(par).isEqualTo(simd);
    }

    @Test
    void smallReductionsAreTheSimdResult() {
        float[] a = random(5);
        int n = ParallelVectorOps.REDUCTION_CHUNK;
        assertThat(parallel(2).sum(a, 7, n)).isEqualTo(Backends.simd().vector().sum(a, 7, n));
    }
}
