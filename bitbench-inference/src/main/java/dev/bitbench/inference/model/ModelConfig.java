package dev.bitbench.inference.model;

import static dev.bitbench.inference.model.BitnetNames.*;

import dev.bitbench.inference.gguf.GgufFile;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufValue;

/**
 * The hyper-parameters of a {@code bitnet} model, from its GGUF metadata ({@code bitnet.*} keys).
 * {@code rope.freq_base} defaults to 10000 as in llama.cpp; the head dimension is {@code n_embd /
 * n_head} and RoPE rotates all of it.
 */
public record ModelConfig(
        int nEmbd,
        int nLayers,
        int nHeads,
        int nKvHeads,
        int nFf,
        int vocab,
        int contextLength,
        float ropeFreqBase,
        float rmsEps) {
    public ModelConfig {
        if (nEmbd < 1 || nLayers < 1 || nHeads < 1 || nKvHeads < 1 || nFf < 1 || vocab < 1 || contextLength < 1) {
            throw new IllegalArgumentException("sizes must be >= 1: " + this);
        }
        if (nEmbd % nHeads != 0 || nHeads % nKvHeads != 0 || (nEmbd / nHeads) % 2 != 0) {
            throw new IllegalArgumentException(
                    "n_head must divide n_embd into even heads and n_head_kv divide n_head, got " + nEmbd + ", "
                            + nHeads + ", " + nKvHeads);
        }
    }

    public int headDim() {
        return nEmbd / nHeads;
    }

    /** Width of the keys and values of one token: {@code n_head_kv * head_dim}. */
    public int kvDim() {
        return nKvHeads * headDim();
    }

    /**
     * Reads the configuration of a {@code bitnet} GGUF.
     *
     * @throws GgufFormatException naming the key if the architecture is not {@code bitnet} or a
     *     key is missing, of the wrong type or out of range
     */
    public static ModelConfig from(GgufFile gguf) throws GgufFormatException {
        String arch = gguf.get(KEY_ARCHITECTURE)
                .filter(v -> v.type() == dev.bitbench.inference.gguf.GgufValueType.STRING)
                .map(GgufValue::asString)
                .orElseThrow(() -> new GgufFormatException("missing metadata key " + KEY_ARCHITECTURE));
        if (!ARCHITECTURE.equals(arch)) {
            throw new GgufFormatException(KEY_ARCHITECTURE + " is '" + arch + "', expected 'bitnet'");
        }
        int nEmbd = integer(gguf, KEY_EMBEDDING_LENGTH);
        int nHeads = integer(gguf, KEY_HEAD_COUNT);
        int nKv = gguf.get(KEY_HEAD_COUNT_KV).isPresent() ? integer(gguf, KEY_HEAD_COUNT_KV) : nHeads;
        int vocab = gguf.get(KEY_VOCAB_SIZE).isPresent()
                ? integer(gguf, KEY_VOCAB_SIZE)
                : gguf.get(KEY_TOKENS)
                        .map(v -> v.asArray().size())
                        .orElseThrow(() -> new GgufFormatException("missing metadata key " + KEY_VOCAB_SIZE));
        try {
            return new ModelConfig(
                    nEmbd,
                    integer(gguf, KEY_BLOCK_COUNT),
                    nHeads,
                    nKv,
                    integer(gguf, KEY_FEED_FORWARD_LENGTH),
                    vocab,
                    integer(gguf, KEY_CONTEXT_LENGTH),
                    gguf.get(KEY_ROPE_FREQ_BASE).isPresent() ? real(gguf, KEY_ROPE_FREQ_BASE) : 10000f,
                    real(gguf, KEY_RMS_EPS));
        } catch (IllegalArgumentException e) {
            throw new GgufFormatException("bitnet hyper-parameters are inconsistent: " + e.getMessage());
        }
    }

    private static int integer(GgufFile gguf, String key) throws GgufFormatException {
        GgufValue v = gguf.get(key).orElseThrow(() -> new GgufFormatException("missing metadata key " + key));
        if (!v.isInteger() || v.asLong() < 1 || v.asLong() > (1 << 24)) {
            throw new GgufFormatException("metadata key " + key + " is " + v.value() + " (" + v.type()
                    + "), expected an integer from 1 to 2^24");
        }
        return (int) v.asLong();
    }

    private static float real(GgufFile gguf, String key) throws GgufFormatException {
        GgufValue v = gguf.get(key).orElseThrow(() -> new GgufFormatException("missing metadata key " + key));
        double d = v.type() == dev.bitbench.inference.gguf.GgufValueType.FLOAT32
                        || v.type() == dev.bitbench.inference.gguf.GgufValueType.FLOAT64
                ? v.asDouble()
                : Double.NaN;
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new GgufFormatException(
                    "metadata key " + key + " is " + v.value() + " (" + v.type() + "), expected a positive float");
        }
        return (float) d;
    }
}
