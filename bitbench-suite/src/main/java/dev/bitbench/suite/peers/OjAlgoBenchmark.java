package dev.bitbench.suite.peers;

import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.WorkUnit;
import java.util.concurrent.TimeUnit;
import org.ojalgo.function.constant.PrimitiveMath;
import org.ojalgo.matrix.store.R032Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** ojAlgo's 32-bit dense store ({@link R032Store}); ojAlgo picks its own thread count. */
public class OjAlgoBenchmark {
    static R032Store store(int rows, int cols, float[] data) {
        R032Store s = R032Store.FACTORY.make(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                s.set(r, c, data[r * cols + c]);
            }
        }
        return s;
    }

    /** Square GEMM with {@code fillByMultiplying}. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Gemm {
        @Param({"256", "512", "1024"})
        public int size;

        private R032Store a;
        private R032Store b;
        private R032Store c;

        @Setup(Level.Trial)
        public void setUp() {
            long seed = SeededInputs.seed();
            a = store(size, size, SeededInputs.gaussian(seed, "matmul.a", size * size));
            b = store(size, size, SeededInputs.gaussian(seed, "matmul.b", size * size));
            c = R032Store.FACTORY.make(size, size);
        }

        @Benchmark
        @Bench(
                group = "peers",
                op = "matmul",
                backend = "ojalgo",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}*{size}",
                unit = WorkUnit.FLOP)
        public R032Store matmul() {
            c.fillByMultiplying(a, b);
            return c;
        }
    }

    /** Matrix-vector product with {@code fillByMultiplying} into a column. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Gemv {
        @Param({"1024", "2048", "4096"})
        public int size;

        private R032Store a;
        private R032Store x;
        private R032Store y;

        @Setup(Level.Trial)
        public void setUp() {
            long seed = SeededInputs.seed();
            a = store(size, size, SeededInputs.gaussian(seed, "gemv.a", size * size));
            x = store(size, 1, SeededInputs.gaussian(seed, "gemv.x", size));
            y = R032Store.FACTORY.make(size, 1);
        }

        @Benchmark
        @Bench(
                group = "peers",
                op = "gemv",
                backend = "ojalgo",
                shape = "{size}x{size}",
                size = Bench.SizeMeaning.SIDE,
                work = "2*{size}*{size}",
                unit = WorkUnit.FLOP)
        public R032Store gemv() {
            y.fillByMultiplying(a, x);
            return y;
        }
    }

    /** Elementwise add and mul with {@code fillMatching}. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Elementwise {
        @Param({"4096", "65536", "1048576"})
        public int size;

        private R032Store a;
        private R032Store b;
        private R032Store out;

        @Setup(Level.Trial)
        public void setUp() {
            long seed = SeededInputs.seed();
            a = store(1, size, SeededInputs.gaussian(seed, "add.a", size));
            b = store(1, size, SeededInputs.gaussian(seed, "add.b", size));
            out = R032Store.FACTORY.make(1, size);
        }

        @Benchmark
        @Bench(group = "peers", op = "add", backend = "ojalgo", work = "12*{size}", unit = WorkUnit.BYTE)
        public R032Store add() {
            out.fillMatching(a, PrimitiveMath.ADD, b);
            return out;
        }

        @Benchmark
        @Bench(group = "peers", op = "mul", backend = "ojalgo", work = "12*{size}", unit = WorkUnit.BYTE)
        public R032Store mul() {
            out.fillMatching(a, PrimitiveMath.MULTIPLY, b);
            return out;
        }
    }
}
