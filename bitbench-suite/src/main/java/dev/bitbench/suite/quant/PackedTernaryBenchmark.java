package dev.bitbench.suite.quant;

import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.packed.Tq1_0;
import dev.bitbench.kernels.packed.Tq2_0;
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
 * Packing and unpacking ternary weights in each stored format: 2-bit codes ({@code i2}, {@link
 * PackedTernaryMatrix}, from trits) and the GGML blocks {@code tq2_0} and {@code tq1_0} (from
 * floats, 256 values a block); throughput in values per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PackedTernaryBenchmark extends SlowdownHook {
    @Param({"i2", "tq2_0", "tq1_0"})
    public String dtype;

    @Param({"65536", "1048576"})
    public int size;

    private byte[] trits;
    private float[] values;
    private PackedTernaryMatrix packed;
    private byte[] blocks;
    private float[] restored;

    @Setup(Level.Trial)
    public void setUp() {
        if (size % 256 != 0) {
            throw new IllegalArgumentException("size must be a multiple of 256 (one block), got " + size);
        }
        long seed = SeededInputs.seed();
        trits = SeededInputs.ternary(seed, "packed.trits", size);
        values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = trits[i] * 0.75f;
        }
        restored = new float[size];
        switch (dtype) {
            case "i2" -> packed = PackedTernaryMatrix.pack(trits, 1, size, 0.75f);
            case "tq2_0" -> blocks = Tq2_0.quantize(values, 0, size);
            case "tq1_0" -> blocks = Tq1_0.quantize(values, 0, size);
            default -> throw new IllegalArgumentException("unknown packed format " + dtype);
        }
    }

    @Benchmark
    @Bench(group = "packed", op = "pack", backend = "scalar", work = "{size}", unit = WorkUnit.OP)
    public Object pack() {
        long t0 = SlowdownInjection.start(slowdown);
        Object result = switch (dtype) {
            case "i2" -> PackedTernaryMatrix.pack(trits, 1, size, 0.75f);
            case "tq2_0" -> {
                Tq2_0.quantize(values, 0, size, blocks, 0);
                yield blocks;
            }
            default -> {
                Tq1_0.quantize(values, 0, size, blocks, 0);
                yield blocks;
            }
        };
        SlowdownInjection.finish(slowdown, t0);
        return result;
    }

    @Benchmark
    @Bench(group = "packed", op = "unpack", backend = "scalar", work = "{size}", unit = WorkUnit.OP)
    public Object unpack() {
        long t0 = SlowdownInjection.start(slowdown);
        Object result = restored;
        switch (dtype) {
            case "i2" -> result = packed.unpack();
            case "tq2_0" -> Tq2_0.dequantize(blocks, 0, restored, 0, size);
            default -> Tq1_0.dequantize(blocks, 0, restored, 0, size);
        }
        SlowdownInjection.finish(slowdown, t0);
        return result;
    }
}
