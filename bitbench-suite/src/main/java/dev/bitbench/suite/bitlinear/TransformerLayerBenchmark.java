package dev.bitbench.suite.bitlinear;

import dev.bitbench.kernels.Backend;
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
 * A simulated BitNet b1.58 transformer layer on {@code batch} tokens of width {@code size}: the
 * matrix work of one layer without the attention scores. Per token: RMSNorm, the q, k, v and
 * output projections (BitLinear {@code size -> size}), a residual add, RMSNorm, the gated FFN
 * (BitLinear gate and up {@code size -> ffn}, SiLU(gate) x up, BitLinear down {@code ffn -> size})
 * and a residual add; {@code ffn} is about 2.7 x {@code size} as in BitNet b1.58 2B4T (2560 ->
 * 6912), rounded to 256. Throughput in tokens per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TransformerLayerBenchmark extends SlowdownHook {
    @Param({"scalar", "simd", "parallel"})
    public String backend;

    @Param({"512", "1024", "2048"})
    public int size;

    @Param({"1", "4", "16", "64"})
    public int batch;

    private Backend ops;
    private BitLinear q;
    private BitLinear k;
    private BitLinear v;
    private BitLinear o;
    private BitLinear gate;
    private BitLinear up;
    private BitLinear down;
    private float[] norm;
    private float[] x;
    private float[] h;
    private float[] qOut;
    private float[] kOut;
    private float[] vOut;
    private float[] attnOut;
    private float[] gateOut;
    private float[] upOut;
    private float[] ffnOut;

    /** The FFN width for a model width: 27/10 of it, rounded up to a multiple of 256. */
    static int ffnWidth(int size) {
        return (size * 27 / 10 + 255) / 256 * 256;
    }

    @Setup(Level.Trial)
    public void setUp() {
        ops = Backends.byName(backend, SeededInputs.threads());
        long seed = SeededInputs.seed();
        int ffn = ffnWidth(size);
        q = layer(seed, "q", size, size);
        k = layer(seed, "k", size, size);
        v = layer(seed, "v", size, size);
        o = layer(seed, "o", size, size);
        gate = layer(seed, "gate", ffn, size);
        up = layer(seed, "up", ffn, size);
        down = layer(seed, "down", size, ffn);
        norm = SeededInputs.uniform(seed, "layer.norm", size, 0.5f, 1.5f);
        x = SeededInputs.gaussian(seed, "layer.x", batch * size);
        h = new float[batch * size];
        qOut = new float[batch * size];
        kOut = new float[batch * size];
        vOut = new float[batch * size];
        attnOut = new float[batch * size];
        gateOut = new float[batch * ffn];
        upOut = new float[batch * ffn];
        ffnOut = new float[batch * size];
    }

    private BitLinear layer(long seed, String name, int out, int in) {
        byte[] trits = SeededInputs.ternary(seed, "layer." + name, out * in);
        float[] scales = SeededInputs.uniform(seed, "layer." + name + ".scale", out, 0.01f, 0.05f);
        return new BitLinear(PackedTernaryMatrix.pack(trits, out, in, scales), ops.ternary());
    }

    @Benchmark
    @Bench(
            group = "transformer",
            op = "layer",
            dtype = "ternary",
            shape = "{size}/batch{batch}",
            size = Bench.SizeMeaning.ROW,
            work = "{batch}",
            unit = WorkUnit.TOKEN)
    public float[] layer() {
        long t0 = SlowdownInjection.start(slowdown);
        for (int t = 0; t < batch; t++) {
            ops.vector().rmsNorm(x, t * size, norm, 1e-5f, h, t * size, size);
        }
        q.forward(h, batch, qOut);
        k.forward(h, batch, kOut);
        v.forward(h, batch, vOut);
        // without the attention scores, the values stand in for the attention output
        o.forward(vOut, batch, attnOut);
        ops.vector().add(x, attnOut, attnOut, batch * size);
        for (int t = 0; t < batch; t++) {
            ops.vector().rmsNorm(attnOut, t * size, norm, 1e-5f, h, t * size, size);
        }
        gate.forward(h, batch, gateOut);
        up.forward(h, batch, upOut);
        int n = gateOut.length;
        ops.vector().silu(gateOut, gateOut, n);
        ops.vector().mul(gateOut, upOut, gateOut, n);
        down.forward(gateOut, batch, ffnOut);
        ops.vector().add(attnOut, ffnOut, ffnOut, batch * size);
        SlowdownInjection.finish(slowdown, t0);
        return ffnOut;
    }
}
