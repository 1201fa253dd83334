package dev.bitbench.suite.quant;

import dev.bitbench.kernels.quant.Granularity;
import dev.bitbench.kernels.quant.QuantScheme;
import dev.bitbench.kernels.quant.QuantizedMatrix;
import dev.bitbench.kernels.quant.Quantizer;
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
 * Quantizing and dequantizing a square weight matrix with each scheme (ternary, INT8 symmetric and
 * asymmetric, INT4, FP16), per tensor and per channel; throughput in GB/s of float32 weights read
 * or written. The runner adds each scheme's accuracy (MSE, max abs error, cosine) and memory
 * reduction, from {@link QuantizationInputs#report} on the same seeded weights.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QuantizeBenchmark extends SlowdownHook {
    @Param({"ternary", "int8_sym", "int8_asym", "int4", "fp16"})
    public String dtype;

    @Param({"per_tensor", "per_channel"})
    public String granularity;

    @Param({"512", "1024", "2048"})
    public int size;

    private Quantizer quantizer;
    private Granularity grain;
    private float[] weights;
    private QuantizedMatrix quantized;
    private float[] restored;

    @Setup(Level.Trial)
    public void setUp() {
        quantizer = QuantScheme.byId(dtype).quantizer();
        grain = QuantizationInputs.granularity(granularity);
        weights = QuantizationInputs.weights(SeededInputs.seed(), size);
        quantized = quantizer.quantize(weights, size, size, grain);
        restored = new float[size * size];
    }

    @Benchmark
    @Bench(
            group = "quant",
            op = "quantize",
            backend = "scalar",
            shape = "{size}x{size}/{granularity}",
            size = Bench.SizeMeaning.SIDE,
            work = "4*{size}*{size}",
            unit = WorkUnit.BYTE)
    public QuantizedMatrix quantize() {
        long t0 = SlowdownInjection.start(slowdown);
        QuantizedMatrix result = quantizer.quantize(weights, size, size, grain);
        SlowdownInjection.finish(slowdown, t0);
        return result;
    }

    @Benchmark
    @Bench(
            group = "quant",
            op = "dequantize",
            backend = "scalar",
            shape = "{size}x{size}/{granularity}",
            size = Bench.SizeMeaning.SIDE,
            work = "4*{size}*{size}",
            unit = WorkUnit.BYTE)
    public float[] dequantize() {
        long t0 = SlowdownInjection.start(slowdown);
        quantized.dequantizeInto(restored);
        SlowdownInjection.finish(slowdown, t0);
        return restored;
    }
}
