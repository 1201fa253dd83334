package dev.bitbench.inference.model;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.VectorOps;
import dev.bitbench.kernels.bitlinear.ActivationQuantizer;
import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Objects;

/**
 * One sequence being processed by a {@link BitnetModel}: the KV cache, the position and scratch
 * buffers, and the forward pass as llama.cpp's {@code llm_build_bitnet} builds it:
 *
 * <pre>
 * x = token_embd[token]
 * per block:  h = rmsnorm(x) * attn_norm
 *             q, k, v = BitLinear(h)         (NEOX RoPE on q and k at the token's position)
 *             a = softmax(q k^T / sqrt(head_dim)) v   (grouped-query, causal, KV cache)
 *             x = x + BitLinear_o(rmsnorm(a) * attn_sub_norm)
 *             h = rmsnorm(x) * ffn_norm
 *             f = silu(BitLinear_gate(h)) * BitLinear_up(h)   (LLM_FFN_SILU, LLM_FFN_PAR)
 *             x = x + BitLinear_down(rmsnorm(f) * ffn_sub_norm)
 * logits = output . (rmsnorm(x) * output_norm)
 * </pre>
 *
 * <p>Numerics mode {@link NumericsMode#BITNET} (the default): every BitLinear quantizes its input to int8 per token
 * (absmax, as the kernels' {@link ActivationQuantizer} and the BitNet b1.58 paper) and multiplies
 * by the packed ternary weights with one scale per row; norms, RoPE and attention are float, and
 * the output head is the model's Q8_0 copy of the F16 head (8-bit weights, float activations; see
 * {@link BitnetModel#outputQ8()}). Prompts run in batches of up to {@link #MAX_BATCH} tokens through the GEMM
 * kernels, decoding one token at a time through the GEMV kernels. Mode {@link
 * NumericsMode#LLAMA_CPP} quantizes activations per block of 256 as ggml does for TQ types (see
 * {@link BlockQuantizedLinear}), to agree with llama.cpp, and keeps the exact F16 head.
 *
 * <p>Not thread-safe; the backend may use threads inside each product.
 */
public final class InferenceSession {
    /** The label of the default numerics mode, {@link NumericsMode#BITNET}. */
    public static final String NUMERICS = "bitnet";
    /** Most tokens processed in one batch. */
    public static final int MAX_BATCH = 64;

    private final BitnetModel model;
    private final ModelConfig c;
    private final Backend backend;
    private final VectorOps ops;
    private final int maxTokens;
    private final float[][] keyCache;
    private final float[][] valueCache;
    private int position;

    private final float[] x;
    private final float[] h;
    private final float[] q;
    private final float[] k;
    private final float[] v;
    private final float[] att;
    private final float[] proj;
    private final float[] gate;
    private final float[] up;
    private final float[] scores;
    private final float[] last;
    private final float[] logits;
    private final byte[] codes;
    private final float[] tokenScales;
    private final NumericsMode mode;
    private final java.util.Map<PackedTernaryMatrix, BlockQuantizedLinear> blockLinears =
            new java.util.IdentityHashMap<>();
    private final byte[][] blockCodes;
    private final float[] blockScales;
    private final float[] ones = new float[MAX_BATCH];
    private final Int8Activations[] blockInputs;
    /** Views of the activation buffers by token count, made once so that decoding allocates nothing. */
    private final Int8Activations[] embdInputs = new Int8Activations[MAX_BATCH + 1];

    private final Int8Activations[] ffInputs = new Int8Activations[MAX_BATCH + 1];
    private final Int8Activations[][] blockViews;
    private final int[] single = new int[1];
    private Int8Activations input;
    private int inputTokens;

    /**
     * @param maxTokens the most tokens this session can hold (KV cache size), at most the model's
     *     context length
     */
    public InferenceSession(BitnetModel model, Backend backend, int maxTokens) {
        this(model, backend, maxTokens, NumericsMode.BITNET);
    }

    /**
     * @param maxTokens the most tokens this session can hold (KV cache size), at most the model's
     *     context length
     * @param mode how BitLinear activations are quantized; {@link NumericsMode#LLAMA_CPP} re-packs
     *     the weights into 256-column blocks when the session is made (memory: a second copy)
     */
    public InferenceSession(BitnetModel model, Backend backend, int maxTokens, NumericsMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.model = Objects.requireNonNull(model, "model");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.ops = backend.vector();
        this.c = model.config();
        if (maxTokens < 1 || maxTokens > c.contextLength()) {
            throw new IllegalArgumentException(
                    "maxTokens must be from 1 to the context length " + c.contextLength() + ", got " + maxTokens);
        }
        this.maxTokens = maxTokens;
        keyCache = new float[c.nLayers()][maxTokens * c.kvDim()];
        valueCache = new float[c.nLayers()][maxTokens * c.kvDim()];
        int b = MAX_BATCH;
        x = new float[b * c.nEmbd()];
        h = new float[b * c.nEmbd()];
        q = new float[b * c.nEmbd()];
        k = new float[b * c.kvDim()];
        v = new float[b * c.kvDim()];
        att = new float[b * c.nEmbd()];
        proj = new float[b * c.nEmbd()];
        gate = new float[b * c.nFf()];
        up = new float[b * c.nFf()];
        scores = new float[maxTokens];
        last = new float[c.nEmbd()];
        logits = new float[c.vocab()];
        codes = new byte[b * Math.max(c.nEmbd(), c.nFf())];
        tokenScales = new float[b];
        int maxBlocks = Math.max(c.nEmbd(), c.nFf()) / BlockQuantizedLinear.BLOCK;
        if (mode == NumericsMode.LLAMA_CPP) {
            for (BitnetLayer w : model.layers()) {
                for (PackedTernaryMatrix m :
                        java.util.List.of(w.wq(), w.wk(), w.wv(), w.wo(), w.wGate(), w.wUp(), w.wDown())) {
                    blockLinears.put(m, new BlockQuantizedLinear(m));
                }
            }
            blockCodes = new byte[maxBlocks][b * BlockQuantizedLinear.BLOCK];
        } else {
            blockCodes = new byte[0][];
        }
        blockScales = new float[b * maxBlocks];
        blockInputs = new Int8Activations[maxBlocks];
        blockViews = new Int8Activations[MAX_BATCH + 1][];
        java.util.Arrays.fill(ones, 1f);
    }

    public BitnetModel model() {
        return model;
    }

    public Backend backend() {
        return backend;
    }

    /** The numerics mode of this session. */
    public NumericsMode mode() {
        return mode;
    }

    /** Tokens held in the KV cache: the position of the next token. */
    public int position() {
        return position;
    }

    /** The KV cache capacity in tokens. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Forgets the sequence, keeping the buffers. */
    public void reset() {
        position = 0;
    }

    /**
     * Keeps the first {@code tokens} of the sequence and forgets the rest: the next token goes to
     * position {@code tokens}, attending to the cached keys and values before it (e.g. to decode
     * again after the same prompt without processing it again).
     *
     * @throws IllegalArgumentException unless {@code 0 <= tokens <= position()}
     */
    public void truncate(int tokens) {
        if (tokens < 0 || tokens > position) {
            throw new IllegalArgumentException("can keep 0 to " + position + " tokens, got " + tokens);
        }
        position = tokens;
    }

    /**
     * Runs {@code tokens[off .. off+count)} at the next positions and returns the logits after the
     * last of them (the session's buffer, valid until the next call; copy to keep).
     *
     * @throws IllegalArgumentException if a token is outside the vocabulary, {@code count < 1}, or
     *     the KV cache would overflow
     */
    public float[] forward(int[] tokens, int off, int count) {
        Objects.checkFromIndexSize(off, count, tokens.length);
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (count > maxTokens - position) {
            throw new IllegalArgumentException("the KV cache holds " + maxTokens + " tokens; " + position
                    + " are used and " + count + " more do not fit");
        }
        for (int i = 0; i < count; i++) {
            int t = tokens[off + i];
            if (t < 0 || t >= c.vocab()) {
                throw new IllegalArgumentException("token " + t + " is outside the vocabulary [0, " + c.vocab() + ")");
            }
        }
        for (int done = 0; done < count; ) {
            int n = Math.min(MAX_BATCH, count - done);
            batch(tokens, off + done, n);
            done += n;
        }
        return logits;
    }

    /** Decodes one token: {@code forward(new int[] {token}, 0, 1)}. */
    public float[] forward(int token) {
        single[0] = token;
        return forward(single, 0, 1);
    }

    private void batch(int[] tokens, int off, int n) {
        int e = c.nEmbd();
        short[] emb = model.tokenEmbedding();
        for (int t = 0; t < n; t++) {
            int base = tokens[off + t] * e;
            for (int i = 0; i < e; i++) {
                x[t * e + i] = dev.bitbench.kernels.Fp16.toFloat(emb[base + i]);
            }
        }
        for (int l = 0; l < c.nLayers(); l++) {
            layer(l, model.layers().get(l), n);
        }
        position += n;
        ops.rmsNorm(x, (n - 1) * e, model.outputNorm(), c.rmsEps(), last, 0, e);
        if (mode == NumericsMode.LLAMA_CPP) {
            for (int i = 0; i < e; i++) {
                last[i] = dev.bitbench.kernels.Fp16.round(last[i]);
            }
        }
        if (mode == NumericsMode.LLAMA_CPP) {
            backend.matrix().gemvF16(model.output(), last, logits, c.vocab(), e);
        } else {
            backend.matrix().gemvQ8_0(model.outputQ8(), last, logits);
        }
    }

    private void layer(int l, BitnetLayer w, int n) {
        int e = c.nEmbd();
        int kvDim = c.kvDim();
        int hd = c.headDim();
        norm(x, w.attnNorm(), h, n, e);
        quantize(h, n, e);
        linear(w.wq(), q);
        linear(w.wk(), k);
        linear(w.wv(), v);
        float[] keys = keyCache[l];
        float[] values = valueCache[l];
        for (int t = 0; t < n; t++) {
            int pos = position + t;
            ops.rope(q, t * e, c.nHeads(), hd, pos, c.ropeFreqBase());
            ops.rope(k, t * kvDim, c.nKvHeads(), hd, pos, c.ropeFreqBase());
            System.arraycopy(k, t * kvDim, keys, pos * kvDim, kvDim);
            System.arraycopy(v, t * kvDim, values, pos * kvDim, kvDim);
        }
        for (int t = 0; t < n; t++) {
            attention(keys, values, t, position + t);
        }
        norm(att, w.attnSubNorm(), h, n, e);
        quantize(h, n, e);
        linear(w.wo(), proj);
        ops.add(x, 0, proj, 0, x, 0, n * e);

        norm(x, w.ffnNorm(), h, n, e);
        quantize(h, n, e);
        linear(w.wGate(), gate);
        linear(w.wUp(), up);
        int f = c.nFf();
        ops.silu(gate, 0, gate, 0, n * f);
        ops.mul(gate, 0, up, 0, gate, 0, n * f);
        norm(gate, w.ffnSubNorm(), gate, n, f);
        quantize(gate, n, f);
        linear(w.wDown(), proj);
        ops.add(x, 0, proj, 0, x, 0, n * e);
    }

    /** Causal grouped-query attention of token {@code t} of the batch, at position {@code pos}. */
    private void attention(float[] keys, float[] values, int t, int pos) {
        int e = c.nEmbd();
        int hd = c.headDim();
        int kvDim = c.kvDim();
        int group = c.nHeads() / c.nKvHeads();
        float scale = (float) (1.0 / Math.sqrt(hd));
        for (int head = 0; head < c.nHeads(); head++) {
            int qOff = t * e + head * hd;
            int kvOff = (head / group) * hd;
            ops.dotRows(q, qOff, keys, kvOff, kvDim, pos + 1, hd, scale, scores, 0);
            ops.softmax(scores, 0, scores, 0, pos + 1);
            ops.weightedRowSum(scores, 0, values, kvOff, kvDim, pos + 1, hd, att, t * e + head * hd);
        }
    }

    private void norm(float[] src, float[] weight, float[] dst, int n, int width) {
        for (int t = 0; t < n; t++) {
            ops.rmsNorm(src, t * width, weight, c.rmsEps(), dst, t * width, width);
        }
    }

    /** Quantizes the input of the next linears ({@code n} rows of {@code width}) as the mode says. */
    private void quantize(float[] src, int n, int width) {
        inputTokens = n;
        if (mode == NumericsMode.BITNET) {
            Int8Activations[] views = width == c.nEmbd() ? embdInputs : ffInputs;
            if (views[n] == null) {
                views[n] = new Int8Activations(codes, tokenScales, n, width);
            }
            input = views[n];
            ActivationQuantizer.quantize(src, 0, input);
            return;
        }
        int nb = width / BlockQuantizedLinear.BLOCK;
        for (int t = 0; t < n; t++) {
            for (int b = 0; b < nb; b++) {
                blockScales[t * nb + b] = BlockQuantizedLinear.quantizeQ8K(
                        src, t * width + b * BlockQuantizedLinear.BLOCK, blockCodes[b], t * BlockQuantizedLinear.BLOCK);
            }
        }
        if (blockViews[n] == null) {
            blockViews[n] = new Int8Activations[blockCodes.length];
            for (int b = 0; b < blockCodes.length; b++) {
                blockViews[n][b] = new Int8Activations(blockCodes[b], ones, n, BlockQuantizedLinear.BLOCK);
            }
        }
        System.arraycopy(blockViews[n], 0, blockInputs, 0, nb);
    }

    /** {@code out = W . input} for the input last {@link #quantize quantized}. */
    private void linear(PackedTernaryMatrix w, float[] out) {
        if (mode == NumericsMode.LLAMA_CPP) {
            blockLinears.get(w).forward(backend.ternary(), blockInputs, blockScales, inputTokens, out);
        } else if (inputTokens == 1) {
            backend.ternary().bitLinearGemv(w, input, 0, out, 0);
        } else {
            backend.ternary().bitLinearGemm(w, input, out);
        }
    }
}
