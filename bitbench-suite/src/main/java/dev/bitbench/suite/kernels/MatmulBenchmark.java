package dev.bitbench.suite.kernels;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import dev.bitbench.kernels.Fp16;
import dev.bitbench.kernels.quant.Q8_0Matrix;
import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.SlowdownHook;
import dev.bitbench.suite.SlowdownInjection;
import dev.bitbench.suite.WorkUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Square dense products: GEMM {@code C = A.B} and {@code C = A.B^T}, in GFLOPS (2 per multiply-add). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatmulBenchmark extends SlowdownHook {
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"256", "512", "1024"})
    public int size;

    private Backend ops;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        ops = Backends.byName(backend, SeededInputs.threads());
        long seed = SeededInputs.seed();
        a = SeededInputs.gaussian(seed, "matmul.a", size * size);
        b = SeededInputs.gaussian(seed, "matmul.b", size * size);
        c = new float[size * size];
    }

    @Benchmark
    @Bench(
            group = "kernels",
            op = "matmul",
            shape = "{size}x{size}",
            size = Bench.SizeMeaning.SIDE,
            work = "2*{size}*{size}*{size}",
            unit = WorkUnit.FLOP)
    public float[] matmul() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.matrix().gemm(a, b, c, size, size, size);
        SlowdownInjection.finish(slowdown, t0);
        return c;
    }

    @Benchmark
    @Bench(
            group = "kernels",
            op = "matmul_tb",
            shape = "{size}x{size}",
            size = Bench.SizeMeaning.SIDE,
            work = "2*{size}*{size}*{size}",
            unit = WorkUnit.FLOP)
    public float[] matmulTransB() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.matrix().gemmTransB(a, b, c, size, size, size);
        SlowdownInjection.finish(slowdown, t0);
        return c;
    }

    /**
     * Matrix-vector products, the one-token path: f32 weights, f16-stored weights, or the same
     * weights quantized to ggml's Q8_0 blocks (the inference engine's output head) with float
     * activations.
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Gemv extends SlowdownHook {
        @Param({"scalar", "simd", "parallel"})
        public String backend;

        @Param({"f32", "f16", "q8_0"})
        public String dtype;

        @Param({"1024", "2048", "4096"})
        public int size;

        private Backend ops;
        private float[] a;
        private short[] a16;
        private Q8_0Matrix q8;
        private float[] x;
        private float[] y;

        @Setup(Level.Trial)
        public void setUp() {
            ops = Backends.byName(backend, SeededInputs.threads());
            long seed = SeededInputs.seed();
            a = SeededInputs.gaussian(seed, "gemv.a", size * size);
            x = SeededInputs.gaussian(seed, "gemv.x", size);
            y = new float[size];
            if (dtype.equals("f16")) {
                a16 = new short[a.length];
                for (int i = 0; i < a.length; i++) {
                    a16[i] = Fp16.fromFloat(a[i]);
                }
                a = null;
            } else if (dtype.equals("q8_0")) {
                q8 = Q8_0Matrix.fromFloat(a, size, size);
                a = null;
            }
        }

        @Benchmark
        @Bench(
                group = "kernels",
                op = "gemv",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}",
                unit = WorkUnit.FLOP)
        public float[] gemv() {
            long t0 = SlowdownInjection.start(slowdown);
            if (a16 != null) {
                ops.matrix().gemvF16(a16, x, y, size, size);
            } else if (q8 != null) {
                ops.matrix().gemvQ8_0(q8, x, y);
            } else {
                ops.matrix().gemv(a, x, y, size, size);
            }
            SlowdownInjection.finish(slowdown, t0);
            return y;
        }
    }
}
