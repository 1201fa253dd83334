package dev.bitbench.suite.bitlinear;

import dev.bitbench.kernels.Backends;
import dev.bitbench.kernels.bitlinear.BitLinear;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
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
 * A BitLinear layer, {@code size} inputs to {@code size} outputs with packed ternary weights and a
 * scale per output row, over a batch of {@code batch} tokens: batch 1 is the GEMV (decode) path,
 * larger batches the GEMM (prompt) path. Each call quantizes the activations to int8 per token and
 * multiplies; throughput in tokens per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BitLinearBenchmark extends SlowdownHook {
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"1024", "2048", "4096"})
    public int size;

    @Param({"1", "4", "16", "64"})
    public int batch;

    private BitLinear layer;
    private float[] x;
    private float[] y;

    @Setup(Level.Trial)
    public void setUp() {
        long seed = SeededInputs.seed();
        byte[] trits = SeededInputs.ternary(seed, "bitlinear.weights", size * size);
        float[] scales = SeededInputs.uniform(seed, "bitlinear.scales", size, 0.01f, 0.1f);
        PackedTernaryMatrix weights = PackedTernaryMatrix.pack(trits, size, size, scales);
        layer = new BitLinear(
                weights, Backends.byName(backend, SeededInputs.threads()).ternary());
        x = SeededInputs.gaussian(seed, "bitlinear.x", batch * size);
        y = new float[batch * size];
    }

    @Benchmark
    @Bench(
            group = "bitlinear",
            op = "bitlinear",
            dtype = "ternary",
            shape = "{size}x{size}/batch{batch}",
            size = Bench.SizeMeaning.SIDE,
            work = "{batch}",
            unit = WorkUnit.TOKEN)
    public float[] forward() {
        long t0 = SlowdownInjection.start(slowdown);
        layer.forward(x, batch, y);
        SlowdownInjection.finish(slowdown, t0);
        return y;
    }
}
