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

/** Elementwise products and scaling on {@code size} floats (GB/s: every byte read and written). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ElementwiseBenchmark extends SlowdownHook {
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"4096", "65536", "1048576"})
    public int size;

    private Backend ops;
    private float[] a;
    private float[] b;
    private float[] out;

    @Setup(Level.Trial)
    public void setUp() {
        ops = Backends.byName(backend, SeededInputs.threads());
        long seed = SeededInputs.seed();
        a = SeededInputs.gaussian(seed, "elementwise.a", size);
        b = SeededInputs.gaussian(seed, "elementwise.b", size);
        out = new float[size];
    }

    @Benchmark
    @Bench(group = "kernels", op = "mul", work = "12*{size}", unit = WorkUnit.BYTE)
    public float[] mul() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().mul(a, b, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    @Benchmark
    @Bench(group = "kernels", op = "scale", work = "8*{size}", unit = WorkUnit.BYTE)
    public float[] scale() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().scale(a, 0.5f, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }
}
