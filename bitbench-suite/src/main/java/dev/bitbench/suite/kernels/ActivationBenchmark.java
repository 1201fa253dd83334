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

/**
 * Activations (ReLU, GELU, SiLU, Swish, ReLU²) on {@code size} floats; throughput in elements per
 * second, since their cost is in the arithmetic, not the bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActivationBenchmark extends SlowdownHook {
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"4096", "65536", "1048576"})
    public int size;

    private Backend ops;
    private float[] x;
    private float[] out;

    @Setup(Level.Trial)
    public void setUp() {
        ops = Backends.byName(backend, SeededInputs.threads());
        x = SeededInputs.gaussian(SeededInputs.seed(), "activation.x", size);
        out = new float[size];
    }

    @Benchmark
    @Bench(group = "kernels", op = "relu", work = "{size}", unit = WorkUnit.OP)
    public float[] relu() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().relu(x, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    @Benchmark
    @Bench(group = "kernels", op = "gelu", work = "{size}", unit = WorkUnit.OP)
    public float[] gelu() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().gelu(x, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    @Benchmark
    @Bench(group = "kernels", op = "silu", work = "{size}", unit = WorkUnit.OP)
    public float[] silu() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().silu(x, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    @Benchmark
    @Bench(group = "kernels", op = "swish", work = "{size}", unit = WorkUnit.OP)
    public float[] swish() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().swish(x, 1.702f, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    @Benchmark
    @Bench(group = "kernels", op = "relu2", work = "{size}", unit = WorkUnit.OP)
    public float[] relu2() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().relu2(x, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }
}
