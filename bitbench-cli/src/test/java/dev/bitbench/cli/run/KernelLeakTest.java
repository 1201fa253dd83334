package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.memory.LeakCheck;
import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import dev.bitbench.kernels.bitlinear.ActivationQuantizer;
import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.quant.Granularity;
import dev.bitbench.kernels.quant.QuantScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernels leave no heap behind: the live heap after 1000 runs is no larger than after 100
 * ({@link LeakCheck#DEFAULT}), on every backend. And the check has the power to see a leak of
 * these sizes: keeping each run's output is flagged.
 */
class KernelLeakTest {
    private static final int N = 1024;
    private static final SplittableRandom RANDOM = new SplittableRandom(42);

    private static float[] randomFloats(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) RANDOM.nextDouble(-2, 2);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd", "parallel"})
    void vectorAndMatrixKernelsRetainNothingPerRun(String name) {
        Backend backend = Backends.byName(name, 2);
        float[] a = randomFloats(N);
        float[] b = randomFloats(N);
        float[] out = new float[N];
        float[] weight = randomFloats(N);
        float[] m = randomFloats(64 * 64);
        float[] c = new float[64 * 64];

        LeakCheck.Verdict verdict = LeakCheck.DEFAULT
                .run(() -> {
                    backend.vector().add(a, b, out, N);
                    backend.vector().softmax(a, 0, out, 0, N);
                    backend.vector().rmsNorm(a, 0, weight, 1e-5f, out, 0, N);
                    backend.matrix().gemm(m, m, c, 64, 64, 64);
                })
                .value();

        assertThat(verdict.leaking()).as(verdict.toString()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd", "parallel"})
    void bitLinearRetainsNothingPerRun(String name) {
        Backend backend = Backends.byName(name, 2);
        int rows = 256;
        int cols = 256;
        byte[] trits = new byte[rows * cols];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (RANDOM.nextInt(3) - 1);
        }
        PackedTernaryMatrix w = PackedTernaryMatrix.pack(trits, rows, cols, 0.5f);
        float[] x = randomFloats(4 * cols);
        float[] y = new float[4 * rows];

        LeakCheck.Verdict verdict = LeakCheck.DEFAULT
                .run(() -> {
                    Int8Activations q = ActivationQuantizer.quantize(x, 4, cols);
                    backend.ternary().bitLinearGemm(w, q, y);
                })
                .value();

        assertThat(verdict.leaking()).as(verdict.toString()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void quantizersRetainNothingPerRun(QuantScheme scheme) {
        float[] weights = randomFloats(64 * 64);

        LeakCheck.Verdict verdict = LeakCheck.DEFAULT
                .run(() -> scheme.quantizer().report(weights, 64, 64, Granularity.PER_CHANNEL))
                .value();

        assertThat(verdict.leaking()).as(verdict.toString()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void keepingEachRunsOutputIsFlaggedAsALeak(String name) {
        Backend backend = Backends.byName(name, 2);
        float[] a = randomFloats(N);
        float[] b = randomFloats(N);
        List<float[]> kept = new ArrayList<>();

        LeakCheck.Verdict verdict = LeakCheck.DEFAULT
                .run(() -> {
                    float[] out = new float[N];
                    backend.vector().add(a, b, out, N);
                    kept.add(out);
                })
                .value();

        assertThat(verdict.leaking()).as(verdict.toString()).isTrue();
        assertThat(verdict.bytesPerRun()).isGreaterThanOrEqualTo(4.0 * N);
    }
}
