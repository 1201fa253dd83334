package dev.bitbench.inference.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void readsBackEveryMetadataTypeAndTensorTypeFromAFile() throws IOException {
        Map<String, GgufValue> metadata = GgufSamples.everyMetadataType();
        List<GgufWriter.TensorSpec> tensors = GgufSamples.everyTensorType(1);
        Path file = dir.resolve("every.gguf");
        GgufWriter.write(file, metadata, tensors);

        try (GgufFile gguf = GgufReader.read(file)) {
            assertThat(gguf.version()).isEqualTo(3);
            assertThat(gguf.metadata()).containsExactlyEntriesOf(metadata);
            assertThat(gguf.alignment()).isEqualTo(64);
            assertThat(gguf.dataOffset() % 64).isZero();
            assertThat(gguf.tensors()).hasSize(tensors.size());
            for (int i = 0; i < tensors.size(); i++) {
                GgufWriter.TensorSpec spec = tensors.get(i);
                GgufTensorInfo info = gguf.tensors().get(i);
                assertThat(info.name()).isEqualTo(spec.name());
                assertThat(info.shape()).isEqualTo(spec.shape());
                assertThat(info.type()).isEqualTo(spec.type());
                assertThat(info.offset() % 64).isZero();
                assertThat(bytes(gguf.tensorData(info))).isEqualTo(contentOf(spec));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void inMemoryRoundTripKeepsVersionAndBytes(int version) throws IOException {
        byte[] first = GgufWriter.toBytes(version, GgufSamples.everyMetadataType(), GgufSamples.everyTensorType(2));
        GgufFile gguf = GgufReader.read(first);
        assertThat(gguf.version()).isEqualTo(version);
        List<GgufWriter.TensorSpec> again = gguf.tensors().stream()
                .map(t -> GgufWriter.TensorSpec.of(t.name(), t.shape(), t.type(), bytesUnchecked(gguf, t)))
                .toList();
        byte[] second = GgufWriter.toBytes(version, gguf.metadata(), again);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void defaultAlignmentIs32AndDataStartsAligned() throws IOException {
        byte[] bytes = GgufWriter.toBytes(
                3,
                Map.of("k", GgufValue.string("odd-length")),
                List.of(
                        GgufWriter.TensorSpec.of("a", List.of(3L), GgmlType.F32, new byte[12]),
                        GgufWriter.TensorSpec.of("b", List.of(1L), GgmlType.F16, new byte[] {1, 2})));
        GgufFile gguf = GgufReader.read(bytes);
        assertThat(gguf.alignment()).isEqualTo(32);
        assertThat(gguf.dataOffset() % 32).isZero();
        assertThat(gguf.tensor("b").orElseThrow().offset()).isEqualTo(32);
        assertThat(bytes(gguf.tensorData(gguf.tensor("b").orElseThrow()))).containsExactly(1, 2);
    }

    @Test
    void fileWithoutTensorsHasOnlyMetadata() throws IOException {
        byte[] bytes = GgufWriter.toBytes(3, Map.of("x", GgufValue.bool(false)), List.of());
        GgufFile gguf = GgufReader.read(bytes);
        assertThat(gguf.tensors()).isEmpty();
        assertThat(gguf.metadata()).containsEntry("x", GgufValue.bool(false));
    }

    @Test
    void blockTypesHaveGgmlIdsAndSizes() {
        assertThat(GgmlType.TQ1_0.id()).isEqualTo(34);
        assertThat(GgmlType.TQ2_0.id()).isEqualTo(35);
        assertThat(GgmlType.BF16.id()).isEqualTo(30);
        assertThat(GgmlType.Q8_0.id()).isEqualTo(8);
        assertThat(GgmlType.TQ2_0.bytesFor(512)).isEqualTo(132);
        assertThat(GgmlType.TQ1_0.bytesFor(256)).isEqualTo(54);
        assertThat(GgmlType.Q8_0.bytesFor(64)).isEqualTo(68);
        assertThat(GgmlType.TQ1_0.bytesFor(100)).isEqualTo(-1);
    }

    private static byte[] contentOf(GgufWriter.TensorSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spec.content().writeTo(out);
        return out.toByteArray();
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static byte[] bytesUnchecked(GgufFile gguf, GgufTensorInfo t) {
        try {
            return bytes(gguf.tensorData(t));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
