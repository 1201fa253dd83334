package dev.bitbench.suite.peers;

import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.WorkUnit;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** EJML's single-precision dense row-major ops ({@code ejml-fdense}), single-threaded. */
public class EjmlBenchmark {
    static FMatrixRMaj matrix(int rows, int cols, float[] data) {
        return FMatrixRMaj.wrap(rows, cols, data);
    }

    /** Square GEMM with {@code CommonOps_FDRM.mult}. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Gemm {
        @Param({"256", "512", "1024"})
        public int size;

        private FMatrixRMaj a;
        private FMatrixRMaj b;
        private FMatrixRMaj c;

        @Setup(Level.Trial)
        public void setUp() {
            long seed = SeededInputs.seed();
            a = matrix(size, size, SeededInputs.gaussian(seed, "matmul.a", size * size));
            b = matrix(size, size, SeededInputs.gaussian(seed, "matmul.b", size * size));
            c = new FMatrixRMaj(size, size);
        }

        @Benchmark
        @Bench(
                group = "peers",
                op = "matmul",
                backend = "ejml",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}*{size}",
                unit = WorkUnit.FLOP)
        public FMatrixRMaj matmul() {
            CommonOps_FDRM.mult(a, b, c);
            return c;
        }
    }

    /** Matrix-vector product with {@code CommonOps_FDRM.mult} on a column vector. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Gemv {
        @Param({"1024", "2048", "4096"})
        public int size;

        private FMatrixRMaj a;
        private FMatrixRMaj x;
        private FMatrixRMaj y;

        @Setup(Level.Trial)
        public void setUp() {
            long seed = SeededInputs.seed();
            a = matrix(size, size, SeededInputs.gaussian(seed, "gemv.a", size * size));
            x = matrix(size, 1, SeededInputs.gaussian(seed, "gemv.x", size));
            y = new FMatrixRMaj(size, 1);
        }

        @Benchmark
        @Bench(
                group = "peers",
                op = "gemv",
                backend = "ejml",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}",
                unit = WorkUnit.FLOP)
        public FMatrixRMaj gemv() {
            CommonOps_FDRM.mult(a, x, y);
            return y;
        }
    }

    /** Elementwise add and mul on a {@code 1 x size} matrix. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Elementwise {
        @Param({"4096", "65536", "1048576"})
        public int size;

        private FMatrixRMaj a;
        private FMatrixRMaj b;
        private FMatrixRMaj out;

        @Setup(Level.Trial)
        public void setUp() {
            long seed = SeededInputs.seed();
            a = matrix(1, size, SeededInputs.gaussian(seed, "add.a", size));
            b = matrix(1, size, SeededInputs.gaussian(seed, "add.b", size));
            out = new FMatrixRMaj(1, size);
        }

        @Benchmark
        @Bench(group = "peers", op = "add", backend = "ejml", work = "12*{size}", unit = WorkUnit.BYTE)
        public FMatrixRMaj add() {
            CommonOps_FDRM.add(a, b, out);
            return out;
        }

        @Benchmark
        @Bench(group = "peers", op = "mul", backend = "ejml", work = "12*{size}", unit = WorkUnit.BYTE)
        public FMatrixRMaj mul() {
            CommonOps_FDRM.elementMult(a, b, out);
            return out;
        }
    }
}
