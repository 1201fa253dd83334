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
 * Sample 01: the simplest benchmark of the suite, written to be copied. It measures {@code out = a
 * + b} on {@code size} floats with each backend. Read it top to bottom, then see {@code
 * docs/custom-benchmarks.md}.
 *
 * <p>Step 1, the state. JMH creates one instance of this class per fork ({@link Scope#Benchmark})
 * and fills in every {@link Param} field before calling {@link #setUp()}. BitBench runs one JMH
 * benchmark per combination of parameter values and gives each its own id.
 *
 * <p>Step 5 (optional), the test-only slowdown hook. Extending {@link SlowdownHook} gives the state a
 * {@code slowdown} field that JMH fills in once per trial: 0 unless {@code bitbench calibrate
 * --inject} or an A/B test slows this benchmark down by a known percent to check that the slowdown
 * is detected. The hook is off by default and then compiles away; see docs/custom-benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AddBenchmark extends SlowdownHook {
    /*
     * Step 2, the parameters. Two names are special to BitBench: "backend" and "dtype" become parts
     * of the id. The listed values are the defaults; `bitbench run --backends`, `--sizes` and the
     * profile narrow or replace them, so keep them sorted from cheapest to dearest.
     */
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"4096", "65536", "1048576"})
    public int size;

    private Backend ops;
    private float[] a;
    private float[] b;
    private float[] out;

    /*
     * Step 3, the inputs. Everything a benchmark reads comes from SeededInputs with the run seed, so
     * two runs with the same seed measure the same data. Allocate here, never in the measured method.
     */
    @Setup(Level.Trial)
    public void setUp() {
        ops = Backends.byName(backend, SeededInputs.threads());
        long seed = SeededInputs.seed();
        a = SeededInputs.gaussian(seed, "add.a", size);
        b = SeededInputs.gaussian(seed, "add.b", size);
        out = new float[size];
    }

    /*
     * Step 4, the measured method. @Bench gives the id (kernels.add/<backend>/f32/<size>) and the
     * work of one call: 3 arrays of 4-byte floats move through memory, so the runner reports GB/s
     * next to the time. Return the result (or sink it in a Blackhole) so the JIT cannot drop the work.
     * The start/finish pair around the body is the slowdown hook of step 5.
     */
    @Benchmark
    @Bench(group = "kernels", op = "add", work = "12*{size}", unit = WorkUnit.BYTE)
    public float[] add() {
        long t0 = SlowdownInjection.start(slowdown);
        ops.vector().add(a, b, out, size);
        SlowdownInjection.finish(slowdown, t0);
        return out;
    }
}
