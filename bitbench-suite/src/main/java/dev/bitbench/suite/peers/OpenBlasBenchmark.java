package dev.bitbench.suite.peers;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasUpper;

import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.WorkUnit;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * OpenBLAS through JavaCPP in process, single-threaded ({@code openblas-1t}) and on every core
 * ({@code openblas}). Data lives off-heap in {@link FloatPointer}s filled once, so no call copies
 * Java arrays: what a user who picks OpenBLAS for speed would do. Elementwise ops use BLAS idioms:
 * add is {@code scopy}+{@code saxpy}, mul is {@code ssbmv} with bandwidth 0 (a diagonal matrix).
 */
public class OpenBlasBenchmark {
    /** The shared setup of every OpenBLAS benchmark. */
    @State(Scope.Benchmark)
    public abstract static class Base {
        @Param({"openblas-1t", "openblas"})
        public String backend;

        FloatPointer pointer(float[] values) {
            FloatPointer p = new FloatPointer(values.length);
            p.put(values);
            return p;
        }

        void useThreads() {
            PeerLibraries.setOpenBlasThreads(backend);
        }
    }

    /** SGEMM on square matrices. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Gemm extends Base {
        @Param({"256", "512", "1024"})
        public int size;

        private FloatPointer a;
        private FloatPointer b;
        private FloatPointer c;

        @Setup(Level.Trial)
        public void setUp() {
            useThreads();
            long seed = SeededInputs.seed();
            a = pointer(SeededInputs.gaussian(seed, "matmul.a", size * size));
            b = pointer(SeededInputs.gaussian(seed, "matmul.b", size * size));
            c = new FloatPointer((long) size * size);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            b.close();
            c.close();
        }

        @Benchmark
        @Bench(
                group = "peers",
                op = "matmul",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}*{size}",
                unit = WorkUnit.FLOP)
        public FloatPointer matmul() {
            openblas_full.cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasNoTrans, size, size, size, 1f, a, size, b, size, 0f, c, size);
            return c;
        }
    }

    /** SGEMV, the one-token path. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Gemv extends Base {
        @Param({"1024", "2048", "4096"})
        public int size;

        private FloatPointer a;
        private FloatPointer x;
        private FloatPointer y;

        @Setup(Level.Trial)
        public void setUp() {
            useThreads();
            long seed = SeededInputs.seed();
            a = pointer(SeededInputs.gaussian(seed, "gemv.a", size * size));
            x = pointer(SeededInputs.gaussian(seed, "gemv.x", size));
            y = new FloatPointer(size);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            x.close();
            y.close();
        }

        @Benchmark
        @Bench(
                group = "peers",
                op = "gemv",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}",
                unit = WorkUnit.FLOP)
        public FloatPointer gemv() {
            openblas_full.cblas_sgemv(CblasRowMajor, CblasNoTrans, size, size, 1f, a, size, x, 1, 0f, y, 1);
            return y;
        }
    }

    /** Elementwise add and mul on vectors of {@code size} floats. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Elementwise extends Base {
        @Param({"4096", "65536", "1048576"})
        public int size;

        private FloatPointer a;
        private FloatPointer b;
        private FloatPointer out;

        @Setup(Level.Trial)
        public void setUp() {
            useThreads();
            long seed = SeededInputs.seed();
            a = pointer(SeededInputs.gaussian(seed, "add.a", size));
            b = pointer(SeededInputs.gaussian(seed, "add.b", size));
            out = new FloatPointer(size);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            b.close();
            out.close();
        }

        @Benchmark
        @Bench(group = "peers", op = "add", work = "12*{size}", unit = WorkUnit.BYTE)
        public FloatPointer add() {
            openblas_full.cblas_scopy(size, b, 1, out, 1);
            openblas_full.cblas_saxpy(size, 1f, a, 1, out, 1);
            return out;
        }

        @Benchmark
        @Bench(group = "peers", op = "mul", work = "12*{size}", unit = WorkUnit.BYTE)
        public FloatPointer mul() {
            openblas_full.cblas_ssbmv(CblasRowMajor, CblasUpper, size, 0, 1f, a, 1, b, 1, 0f, out, 1);
            return out;
        }
    }
}
