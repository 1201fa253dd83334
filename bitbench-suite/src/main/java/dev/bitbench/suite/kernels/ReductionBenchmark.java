package dev.bitbench.suite.kernels;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
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

/** Reductions (sum, max, mean) over {@code size} floats (GB/s of the array read). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReductionBenchmark extends SlowdownHook {
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"4096", "65536", "1048576"})
    public int size;

    private Backend ops;
    private float[] a;

    @Setup(Level.Trial)
    public void setUp() {
        ops = Backends.byName(backend, SeededInputs.threads());
        a = SeededInputs.gaussian(SeededInputs.seed(), "reduction.a", size);
    }

    @Benchmark
    @Bench(group = "kernels", op = "sum", work = "4*{size}", unit = WorkUnit.BYTE)
    public float sum() {
        long t0 = SlowdownInjection.start(slowdown);
        float result = ops.vector().sum(a, 0, size);
        SlowdownInjection.finish(slowdown, t0);
        return result;
    }

    @Benchmark
    @Bench(group = "kernels", op = "max", work = "4*{size}", unit = WorkUnit.BYTE)
    public float max() {
        long t0 = SlowdownInjection.start(slowdown);
        float result = ops.vector().max(a, 0, size);
        SlowdownInjection.finish(slowdown, t0);
        return result;
    }

    @Benchmark
    @Bench(group = "kernels", op = "mean", work = "4*{size}", unit = WorkUnit.BYTE)
    public float mean() {
        long t0 = SlowdownInjection.start(slowdown);
        float result = ops.vector().mean(a, 0, size);
        SlowdownInjection.finish(slowdown, t0);
        return result;
    }
}
