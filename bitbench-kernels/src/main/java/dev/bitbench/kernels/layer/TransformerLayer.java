package dev.bitbench.kernels.layer;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.bitlinear.BitLinear;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One BitNet-style transformer layer as a benchmark workload: RMSNorm, BitLinear Q/K/V, NEOX RoPE,
 * causal grouped-query attention, BitLinear output projection and residual add, RMSNorm, and a
 * gated feed-forward network ({@code down(silu(gate(h)) * up(h))}) of BitLinears with a residual
 * add. Every step runs on one {@link Backend}.
 *
 * <p>{@link #forward} transforms a batch of {@code tokens} consecutive tokens in place; attention is
 * causal within the batch (token {@code t} sees tokens {@code 0..t} of the same call) and there is
 * no cache across calls, which is what a prefill of {@code tokens} tokens costs. {@code startPos}
 * only offsets the RoPE positions. Buffers are sized at construction for {@code maxTokens}, so a
 * call allocates nothing but small activation views. Not thread-safe.
 */
public final class TransformerLayer {
    /**
     * Layer dimensions.
     *
     * @param dim model width, a multiple of {@code heads}
     * @param heads query heads; {@code dim / heads} is the head size, which must be even
     * @param kvHeads key/value heads, dividing {@code heads}
     * @param ffnDim hidden width of the feed-forward network
     * @param eps RMSNorm epsilon
     * @param ropeBase RoPE frequency base
     */
    public record Config(int dim, int heads, int kvHeads, int ffnDim, float eps, float ropeBase) {
        public Config {
            if (dim < 2 || heads < 1 || kvHeads < 1 || ffnDim < 1) {
                throw new IllegalArgumentException("dimensions must be positive: " + this);
            }
            if (dim % heads != 0 || (dim / heads) % 2 != 0) {
                throw new IllegalArgumentException("dim " + dim + " must split into " + heads + " heads of even size");
            }
            if (heads % kvHeads != 0) {
                throw new IllegalArgumentException("kvHeads " + kvHeads + " must divide heads " + heads);
            }
        }

        public int headDim() {
            return dim / heads;
        }

        public int kvDim() {
            return kvHeads * headDim();
        }
    }

    private final Config config;
    private final Backend backend;
    private final int maxTokens;
    private final BitLinear wq;
    private final BitLinear wk;
    private final BitLinear wv;
    private final BitLinear wo;
    private final BitLinear wGate;
    private final BitLinear wUp;
    private final BitLinear wDown;
    private final float[] attnNorm;
    private final float[] ffnNorm;
    private final float[] normed;
    private final float[] q;
    private final float[] k;
    private final float[] v;
    private final float[] attn;
    private final float[] proj;
    private final float[] gate;
    private final float[] up;
    private final float[] scores;

    /**
     * @param weights in order: q {@code [dim x dim]}, k and v {@code [kvDim x dim]}, output {@code
     *     [dim x dim]}, gate and up {@code [ffnDim x dim]}, down {@code [dim x ffnDim]}
     * @param attnNorm and {@code ffnNorm}: RMSNorm gains of {@code dim} elements (copied)
     * @throws IllegalArgumentException if a weight has the wrong shape (naming it and both shapes)
     */
    public TransformerLayer(
            Config config,
            Backend backend,
            int maxTokens,
            PackedTernaryMatrix[] weights,
            float[] attnNorm,
            float[] ffnNorm) {
        this.config = Objects.requireNonNull(config, "config");
        this.backend = Objects.requireNonNull(backend, "backend");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
        }
        this.maxTokens = maxTokens;
        int d = config.dim();
        int kv = config.kvDim();
        int f = config.ffnDim();
        if (weights.length != 7) {
            throw new IllegalArgumentException(
                    "expected 7 weight matrices (q, k, v, o, gate, up, down), got " + weights.length);
        }
        wq = linear("q", weights[0], d, d);
        wk = linear("k", weights[1], kv, d);
        wv = linear("v", weights[2], kv, d);
        wo = linear("output", weights[3], d, d);
        wGate = linear("gate", weights[4], f, d);
        wUp = linear("up", weights[5], f, d);
        wDown = linear("down", weights[6], d, f);
        if (attnNorm.length != d || ffnNorm.length != d) {
            throw new IllegalArgumentException(
                    "norm gains must have " + d + " elements, got " + attnNorm.length + " and " + ffnNorm.length);
        }
        this.attnNorm = attnNorm.clone();
        this.ffnNorm = ffnNorm.clone();
        normed = new float[maxTokens * d];
        q = new float[maxTokens * d];
        k = new float[maxTokens * kv];
        v = new float[maxTokens * kv];
        attn = new float[maxTokens * d];
        proj = new float[maxTokens * d];
        gate = new float[maxTokens * f];
        up = new float[maxTokens * f];
        scores = new float[maxTokens];
    }

    /**
     * A layer with seeded random ternary weights (uniform over {-1, 0, 1}, per-row scales around
     * {@code 1 / sqrt(in)}) and unit norm gains: a reproducible workload of the given shape.
     */
    public static TransformerLayer random(Config config, Backend backend, int maxTokens, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = config.dim();
        int kv = config.kvDim();
        int f = config.ffnDim();
        int[][] shapes = {{d, d}, {kv, d}, {kv, d}, {d, d}, {f, d}, {f, d}, {d, f}};
        PackedTernaryMatrix[] weights = new PackedTernaryMatrix[7];
        for (int i = 0; i < 7; i++) {
            int rows = shapes[i][0];
            int cols = shapes[i][1];
            byte[] trits = new byte[rows * cols];
            for (int j = 0; j < trits.length; j++) {
                trits[j] = (byte) (random.nextInt(3) - 1);
            }
            float[] scales = new float[rows];
            for (int r = 0; r < rows; r++) {
                scales[r] = (float) ((0.5 + random.nextDouble()) / Math.sqrt(cols));
            }
            weights[i] = PackedTernaryMatrix.pack(trits, rows, cols, scales);
        }
        float[] ones = new float[d];
        Arrays.fill(ones, 1f);
        return new TransformerLayer(config, backend, maxTokens, weights, ones, ones);
    }

    private BitLinear linear(String name, PackedTernaryMatrix w, int rows, int cols) {
        if (w.rows() != rows || w.cols() != cols) {
            throw new IllegalArgumentException(
                    name + " weights are " + w.shape() + ", expected [" + rows + " x " + cols + "]");
        }
        return new BitLinear(w, backend.ternary());
    }

    /**
     * Transforms {@code x[0 .. tokens * dim)} (row-major {@code [tokens x dim]}) in place.
     *
     * @param startPos RoPE position of the first token
     * @throws IllegalArgumentException if {@code tokens} is outside {@code [1, maxTokens]} or {@code
     *     x} is too short
     */
    public void forward(float[] x, int tokens, int startPos) {
        int d = config.dim();
        if (tokens < 1 || tokens > maxTokens) {
            throw new IllegalArgumentException("tokens must be in [1, " + maxTokens + "], got " + tokens);
        }
        if (x.length < tokens * d) {
            throw new IllegalArgumentException("x has " + x.length + " elements, [" + tokens + " x " + d + "] needed");
        }
        var ops = backend.vector();
        for (int t = 0; t < tokens; t++) {
            ops.rmsNorm(x, t * d, attnNorm, config.eps(), normed, t * d, d);
        }
        wq.forward(normed, tokens, q);
        wk.forward(normed, tokens, k);
        wv.forward(normed, tokens, v);
        int hd = config.headDim();
        for (int t = 0; t < tokens; t++) {
            ops.rope(q, t * d, config.heads(), hd, startPos + t, config.ropeBase());
            ops.rope(k, t * config.kvDim(), config.kvHeads(), hd, startPos + t, config.ropeBase());
        }
        attention(tokens);
        wo.forward(attn, tokens, proj);
        ops.add(x, 0, proj, 0, x, 0, tokens * d);
        for (int t = 0; t < tokens; t++) {
            ops.rmsNorm(x, t * d, ffnNorm, config.eps(), normed, t * d, d);
        }
        int f = config.ffnDim();
        wGate.forward(normed, tokens, gate);
        wUp.forward(normed, tokens, up);
        ops.silu(gate, 0, gate, 0, tokens * f);
        ops.mul(gate, 0, up, 0, gate, 0, tokens * f);
        wDown.forward(gate, tokens, proj);
        ops.add(x, 0, proj, 0, x, 0, tokens * d);
    }

    /** Causal grouped-query attention of every token and head into {@code attn}. */
    private void attention(int tokens) {
        int d = config.dim();
        int kvDim = config.kvDim();
        int hd = config.headDim();
        int group = config.heads() / config.kvHeads();
        float scale = (float) (1 / Math.sqrt(hd));
        for (int t = 0; t < tokens; t++) {
            for (int h = 0; h < config.heads(); h++) {
                int qo = t * d + h * hd;
                int ko = (h / group) * hd;
                for (int s = 0; s <= t; s++) {
                    float dot = 0f;
                    for (int i = 0; i < hd; i++) {
                        dot += q[qo + i] * k[s * kvDim + ko + i];
                    }
                    scores[s] = dot * scale;
                }
                backend.vector().softmax(scores, 0, scores, 0, t + 1);
                Arrays.fill(attn, qo, qo + hd, 0f);
                for (int s = 0; s <= t; s++) {
                    float p = scores[s];
                    for (int i = 0; i < hd; i++) {
                        attn[qo + i] += p * v[s * kvDim + ko + i];
                    }
                }
            }
        }
    }

    public Config config() {
        return config;
    }

    /**
     * Integer and float operations of one forward call of {@code tokens} tokens counted as 2 per
     * multiply-add of the seven BitLinears (the attention and norms are not counted): a
     * throughput denominator for benchmarks.
     */
    public long bitLinearOps(int tokens) {
        long d = config.dim();
        long perToken = 2 * d * d + 2 * config.kvDim() * d + 3 * config.ffnDim() * d;
        return 2 * perToken * tokens;
    }
}
