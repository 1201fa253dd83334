package dev.bitbench.inference.model;

import static dev.bitbench.inference.model.BitnetNames.*;

import dev.bitbench.inference.gguf.GgufFile;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufReader;
import dev.bitbench.kernels.quant.Q8_0Matrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A llama.cpp {@code bitnet} model loaded from GGUF: configuration, F16 token embeddings (also the
 * output head when the file has no {@code output.weight}, as llama.cpp's {@code build_bitnet} does),
 * the head also as {@link Q8_0Matrix Q8_0} blocks (made at load), the output norm and the blocks. Immutable after loading; one model can serve many {@link
 * InferenceSession}s.
 */
public final class BitnetModel {
    private final ModelConfig config;
    private final short[] tokenEmbedding;
    private final short[] output;
    private final Q8_0Matrix outputQ8;
    private final float[] outputNorm;
    private final List<BitnetLayer> layers;
    private final Map<String, dev.bitbench.inference.gguf.GgufValue> metadata;

    private BitnetModel(
            ModelConfig config,
            short[] tokenEmbedding,
            short[] output,
            float[] outputNorm,
            List<BitnetLayer> layers,
            Map<String, dev.bitbench.inference.gguf.GgufValue> metadata) {
        this.config = config;
        this.tokenEmbedding = tokenEmbedding;
        this.output = output;
        this.outputQ8 = Q8_0Matrix.fromHalf(output, config.vocab(), config.nEmbd());
        this.outputNorm = outputNorm;
        this.layers = List.copyOf(layers);
        this.metadata = metadata;
    }

    /**
     * Loads {@code path}.
     *
     * @throws GgufFormatException if the file is not a valid {@code bitnet} GGUF of supported types
     *     (the message names the key or tensor)
     */
    public static BitnetModel load(Path path) throws IOException {
        try (GgufFile gguf = GgufReader.read(path)) {
            return load(gguf);
        }
    }

    /** Loads the model in an open GGUF file (the file may be closed afterwards). */
    public static BitnetModel load(GgufFile gguf) throws IOException {
        ModelConfig c = ModelConfig.from(gguf);
        TensorLoader in = new TensorLoader(gguf);
        int e = c.nEmbd();
        short[] embedding = in.halfMatrix(TOKEN_EMBD, c.vocab(), e);
        short[] output = gguf.tensor(OUTPUT).isPresent() ? in.halfMatrix(OUTPUT, c.vocab(), e) : embedding;
        float[] outputNorm = in.vector(OUTPUT_NORM, e);
        List<BitnetLayer> layers = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) {
            layers.add(new BitnetLayer(
                    in.vector(block(l, "attn_norm"), e),
                    linear(in, l, "attn_q", e, e),
                    linear(in, l, "attn_k", c.kvDim(), e),
                    linear(in, l, "attn_v", c.kvDim(), e),
                    in.vector(block(l, "attn_sub_norm"), e),
                    linear(in, l, "attn_output", e, e),
                    in.vector(block(l, "ffn_norm"), e),
                    linear(in, l, "ffn_gate", c.nFf(), e),
                    linear(in, l, "ffn_up", c.nFf(), e),
                    in.vector(block(l, "ffn_sub_norm"), c.nFf()),
                    linear(in, l, "ffn_down", e, c.nFf())));
        }
        return new BitnetModel(c, embedding, output, outputNorm, layers, gguf.metadata());
    }

    private static dev.bitbench.kernels.packed.PackedTernaryMatrix linear(
            TensorLoader in, int layer, String part, int rows, int cols) throws IOException {
        return in.ternary(block(layer, part), rows, cols, in.optionalScale(blockScale(layer, part)));
    }

    public ModelConfig config() {
        return config;
    }

    /** {@code [vocab x n_embd]} half bits, row-major. */
    public short[] tokenEmbedding() {
        return tokenEmbedding;
    }

    /** The output head {@code [vocab x n_embd]} as half bits (the token embedding when tied). */
    public short[] output() {
        return output;
    }

    /**
     * The output head quantized once at load to {@link Q8_0Matrix Q8_0} blocks (8-bit codes, one
     * scale per 32 values; error at most half a scale step per weight): the head of numerics mode
     * {@link NumericsMode#BITNET}, reading half the bytes of the F16 head per token.
     */
    public Q8_0Matrix outputQ8() {
        return outputQ8;
    }

    public float[] outputNorm() {
        return outputNorm;
    }

    public List<BitnetLayer> layers() {
        return layers;
    }

    /** The GGUF metadata (tokenizer vocabulary and all). */
    public Map<String, dev.bitbench.inference.gguf.GgufValue> metadata() {
        return metadata;
    }
}
