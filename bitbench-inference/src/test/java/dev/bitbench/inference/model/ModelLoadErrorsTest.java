package dev.bitbench.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.inference.gguf.GgufFile;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufReader;
import dev.bitbench.inference.gguf.GgufTensorInfo;
import dev.bitbench.inference.gguf.GgufValue;
import dev.bitbench.inference.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Valid GGUF files that are not loadable bitnet models: each gives a GgufFormatException naming why. */
class ModelLoadErrorsTest {
    private static final byte[] TINY = readTiny();

    private static byte[] readTiny() {
        try {
            return Files.readAllBytes(InferenceSessionTest.tiny());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tiny fixture with its metadata and one tensor's bytes (or spec) edited. */
    private static byte[] edited(
            Consumer<Map<String, GgufValue>> metadataEdit, String tensor, UnaryOperator<GgufWriter.TensorSpec> edit)
            throws IOException {
        GgufFile gguf = GgufReader.read(TINY);
        Map<String, GgufValue> metadata = new LinkedHashMap<>(gguf.metadata());
        metadataEdit.accept(metadata);
        List<GgufWriter.TensorSpec> tensors = new ArrayList<>();
        for (GgufTensorInfo t : gguf.tensors()) {
            byte[] data = new byte[(int) t.byteSize()];
            gguf.tensorData(t).get(data);
            GgufWriter.TensorSpec spec = GgufWriter.TensorSpec.of(t.name(), t.shape(), t.type(), data);
            tensors.add(t.name().equals(tensor) ? edit.apply(spec) : spec);
        }
        return GgufWriter.toBytes(3, metadata, tensors);
    }

    private static byte[] withBytes(String tensor, Consumer<byte[]> change) throws IOException {
        GgufFile gguf = GgufReader.read(TINY);
        GgufTensorInfo t = gguf.tensor(tensor).orElseThrow();
        byte[] data = new byte[(int) t.byteSize()];
        gguf.tensorData(t).get(data);
        change.accept(data);
        return edited(m -> {}, tensor, s -> GgufWriter.TensorSpec.of(s.name(), s.shape(), s.type(), data));
    }

    private static void rejects(byte[] file, String... fragments) {
        assertThatThrownBy(() -> BitnetModel.load(GgufReader.read(file)))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void unchangedCopyLoads() throws IOException {
        byte[] copy = edited(m -> {}, "", s -> s);
        assertThat(BitnetModel.load(GgufReader.read(copy)).config().nLayers()).isEqualTo(2);
    }

    @Test
    void missingOrWrongMetadata() throws IOException {
        rejects(edited(m -> m.remove("bitnet.block_count"), "", s -> s), "missing metadata key bitnet.block_count");
        rejects(edited(m -> m.put("general.architecture", GgufValue.string("llama")), "", s -> s), "'llama'");
        rejects(edited(m -> m.put("bitnet.attention.head_count", GgufValue.uint32(3)), "", s -> s), "inconsistent");
        rejects(
                edited(m -> m.put("bitnet.attention.layer_norm_rms_epsilon", GgufValue.string("x")), "", s -> s),
                "layer_norm_rms_epsilon",
                "expected a positive float");
    }

    @Test
    void missingTensorOrWrongShapeOrType() throws IOException {
        rejects(
                edited(
                        m -> {},
                        "blk.1.ffn_up.weight",
                        s -> new GgufWriter.TensorSpec("blk.1.ffn_up.other", s.shape(), s.type(), s.content())),
                "missing tensor blk.1.ffn_up.weight");
        rejects(
                edited(
                        m -> {},
                        "blk.0.attn_q.weight",
                        s -> GgufWriter.TensorSpec.of(
                                s.name(), List.of(256L, 256L), GgmlType.F16, new byte[256 * 256 * 2])),
                "blk.0.attn_q.weight",
                "F16",
                "TQ2_0 or TQ1_0");
        rejects(
                edited(
                        m -> {},
                        "blk.0.attn_k.weight",
                        s -> GgufWriter.TensorSpec.of(s.name(), List.of(256L, 64L), GgmlType.TQ2_0, new byte[64 * 66])),
                "blk.0.attn_k.weight",
                "[256, 64]",
                "expected [256, 128]");
    }

    @Test
    void differentBlockScalesWithinARowAreRejected() throws IOException {
        // blk.0.ffn_down is [256 x 512]: two TQ2_0 blocks per row; change the second block's half scale
        rejects(
                withBytes("blk.0.ffn_down.weight", d -> d[66 + 65] ^= 0x04),
                "blk.0.ffn_down.weight row 0",
                "different scales");
    }

    @Test
    void nonTernaryCodeIsRejected() throws IOException {
        // TQ2_0 code 3 decodes to 2 * d
        rejects(withBytes("blk.1.attn_v.weight", d -> d[0] = (byte) 0xff), "blk.1.attn_v.weight [0,", "ternary");
    }
}
