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
 * The row operations of a transformer layer on one row of {@code size} floats: softmax, RMSNorm,
 * and NEOX RoPE over {@code size / 128} heads of dimension 128 (throughput in elements/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RowOpsBenchmark extends SlowdownHook {
    static final int HEAD_DIM = 128;

    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"2048", "4096", "8192"})
    public int size;

    private Backend ops;
    private float[] x;
    private float[] weight;
    private float[] out;
    private int position;

    @Setup(Level.Trial)
    public void setUp() {
        if (size % HEAD_DIM != 0) {
            throw new IllegalArgumentException("size must be a multiple of " + HEAD_DIM + ", got " + size);
        }
        ops = Backends.byName(backend, SeededInputs.threads());
        long seed = SeededInputs.seed();
        x = SeededInputs.gaussian(seed, "rowops.x", size);
        weight = SeededInputs.uniform(seed, "rowops.weight", size, 0.5f, 1.5f);
        out = new float[size];
    }

    @Benchmark
    @Bench(group = "kernels", op = "softmax", work = "{size}", unit = WorkUnit.OP, size = Bench.SizeMeaning.ROW)
    public float[] softmax() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().softmax(x, 0, out, 0, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    @Benchmark
    @Bench(group = "kernels", op = "rmsnorm", work = "{size}", unit = WorkUnit.OP, size = Bench.SizeMeaning.ROW)
    public float[] rmsNorm() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().rmsNorm(x, 0, weight, 1e-6f, out, 0, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }

    /** Rotates {@code out} in place at a moving position, so no two calls are identical. */
    @Benchmark
    @Bench(group = "kernels", op = "rope", work = "{size}", unit = WorkUnit.OP, size = Bench.SizeMeaning.ROW)
    public float[] rope() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().rope(out, 0, size / HEAD_DIM, HEAD_DIM, position++ & 4095, 10000f);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }
}
