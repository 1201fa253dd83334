package dev.bitbench.inference.model;

/**
 * Metadata keys and tensor names of llama.cpp's {@code bitnet} architecture ({@code LLM_ARCH_BITNET}
 * in llama.cpp's {@code llama-arch.cpp}; hyper-parameters as {@code llama_model::load_hparams}
 * reads them).
 */
public final class BitnetNames {
    public static final String ARCHITECTURE = "bitnet";

    public static final String KEY_ARCHITECTURE = "general.architecture";
    public static final String KEY_NAME = "general.name";
    public static final String KEY_CONTEXT_LENGTH = "bitnet.context_length";
    public static final String KEY_EMBEDDING_LENGTH = "bitnet.embedding_length";
    public static final String KEY_BLOCK_COUNT = "bitnet.block_count";
    public static final String KEY_FEED_FORWARD_LENGTH = "bitnet.feed_forward_length";
    public static final String KEY_HEAD_COUNT = "bitnet.attention.head_count";
    public static final String KEY_HEAD_COUNT_KV = "bitnet.attention.head_count_kv";
    public static final String KEY_RMS_EPS = "bitnet.attention.layer_norm_rms_epsilon";
    public static final String KEY_ROPE_FREQ_BASE = "bitnet.rope.freq_base";
    public static final String KEY_ROPE_DIMENSION_COUNT = "bitnet.rope.dimension_count";
    public static final String KEY_VOCAB_SIZE = "bitnet.vocab_size";

    public static final String KEY_TOKENIZER_MODEL = "tokenizer.ggml.model";
    public static final String KEY_TOKENS = "tokenizer.ggml.tokens";
    public static final String KEY_SCORES = "tokenizer.ggml.scores";
    public static final String KEY_TOKEN_TYPE = "tokenizer.ggml.token_type";
    public static final String KEY_BOS_ID = "tokenizer.ggml.bos_token_id";
    public static final String KEY_EOS_ID = "tokenizer.ggml.eos_token_id";
    public static final String KEY_UNK_ID = "tokenizer.ggml.unknown_token_id";
    public static final String KEY_ADD_BOS = "tokenizer.ggml.add_bos_token";
    public static final String KEY_MERGES = "tokenizer.ggml.merges";
    public static final String KEY_PRE = "tokenizer.ggml.pre";

    public static final String TOKEN_EMBD = "token_embd.weight";
    public static final String OUTPUT_NORM = "output_norm.weight";
    public static final String OUTPUT = "output.weight";

    private BitnetNames() {}

    /** Name of per-block tensor {@code part} ({@code attn_q}, {@code ffn_sub_norm}, ...) of block {@code layer}. */
    public static String block(int layer, String part) {
        return "blk." + layer + "." + part + ".weight";
    }

    /** Name of the optional per-tensor scale of a block's linear {@code part}. */
    public static String blockScale(int layer, String part) {
        return "blk." + layer + "." + part + ".scale";
    }
}
