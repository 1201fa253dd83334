package dev.bitbench.inference.model;

/**
 * How BitLinear activations are quantized; recorded with results.
 *
 * <ul>
 *   <li>{@link #BITNET}: int8 per token with absmax scaling (the BitNet b1.58 recipe, the kernels'
 *       {@code ActivationQuantizer}); one float product per output. The output head uses the
 *       F16 head quantized once at load to Q8_0 blocks (32 weights, one scale), with float
 *       activations: half the bytes per token, logits within half a scale step per weight.
 *   <li>{@link #LLAMA_CPP}: as ggml's TQ1_0/TQ2_0 dot products against {@code Q8_K} activations:
 *       each block of 256 activations gets its own scale {@code d = max / -127} (max: the value of
 *       largest magnitude, sign kept) and codes {@code min(127, rint(x / d))}; the output sums
 *       {@code (float) dot_block * (d_x * d_w)} over blocks in order. The F16 output head sees
 *       activations rounded to half precision, as {@code ggml_vec_dot_f16} does.
 * </ul>
 */
public enum NumericsMode {
    BITNET("bitnet"),
    LLAMA_CPP("llama.cpp");

    private final String label;

    NumericsMode(String label) {
        this.label = label;
    }

    /** The name shown to users and stored with results. */
    public String label() {
        return label;
    }

    /** The mode labelled {@code label} ({@code bitnet} or {@code llama.cpp}). */
    public static NumericsMode byLabel(String label) {
        for (NumericsMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown numerics mode '" + label + "', expected bitnet or llama.cpp");
    }
}
