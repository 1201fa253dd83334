package dev.bitbench.inference.gguf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes GGUF files (version 3 by default, or 2), little-endian, with tensor data aligned to {@code
 * general.alignment} when the metadata holds it (a {@code UINT32}) or to 32 bytes. Tensor data is
 * streamed from each {@link TensorSpec}'s content, so files larger than memory can be written; the
 * writer checks every content writes exactly its tensor's byte size.
 */
public final class GgufWriter {
    private GgufWriter() {}

    /** Writes tensor bytes to a stream. */
    @FunctionalInterface
    public interface TensorContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A tensor to write: name, shape in ggml order, type and the content that writes its bytes. */
    public record TensorSpec(String name, List<Long> shape, GgmlType type, TensorContent content) {
        public TensorSpec {
            Objects.requireNonNull(content, "content");
            new GgufTensorInfo(name, shape, type, 0); // validates name, shape and type
            shape = List.copyOf(shape);
        }

        /** A tensor whose bytes are in memory. */
        public static TensorSpec of(String name, List<Long> shape, GgmlType type, byte[] data) {
            return new TensorSpec(name, shape, type, out -> out.write(data));
        }

        long byteSize() {
            return new GgufTensorInfo(name, shape, type, 0).byteSize();
        }
    }

    /** Writes a version 3 file to {@code path}. */
    public static void write(Path path, Map<String, GgufValue> metadata, List<TensorSpec> tensors) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            write(out, 3, metadata, tensors);
        }
    }

    /** The bytes of a file of {@code version} 2 or 3. */
    public static byte[] toBytes(int version, Map<String, GgufValue> metadata, List<TensorSpec> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, version, metadata, tensors);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a whole GGUF file to {@code sink}.
     *
     * @throws IllegalArgumentException on a version other than 2 or 3, duplicate tensor names, an
     *     invalid {@code general.alignment}, or a content that writes the wrong number of bytes
     */
    public static void write(OutputStream sink, int version, Map<String, GgufValue> metadata, List<TensorSpec> tensors)
            throws IOException {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("GGUF version must be 2 or 3, got " + version);
        }
        int alignment = alignment(metadata);
        CountingStream out = new CountingStream(sink);
        u32(out, GgufReader.MAGIC);
        u32(out, version);
        u64(out, tensors.size());
        u64(out, metadata.size());
        for (Map.Entry<String, GgufValue> e : metadata.entrySet()) {
            string(out, e.getKey());
            u32(out, e.getValue().type().id());
            value(out, e.getValue());
        }
        List<Long> offsets = new ArrayList<>();
        HashSet<String> names = new HashSet<>();
        long offset = 0;
        for (TensorSpec t : tensors) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("duplicate tensor '" + t.name() + "'");
            }
            offsets.add(offset);
            offset = GgufReader.alignUp(offset + t.byteSize(), alignment);
        }
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec t = tensors.get(i);
            string(out, t.name());
            u32(out, t.shape().size());
            for (long d : t.shape()) {
                u64(out, d);
            }
            u32(out, t.type().id());
            u64(out, offsets.get(i));
        }
        if (!tensors.isEmpty()) {
            pad(out, alignment);
        }
        long dataStart = out.count;
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec t = tensors.get(i);
            long before = out.count;
            t.content().writeTo(out);
            long written = out.count - before;
            if (written != t.byteSize()) {
                throw new IllegalArgumentException("tensor '" + t.name() + "' content wrote " + written
                        + " bytes, its shape " + t.shape() + " of " + t.type() + " needs " + t.byteSize());
            }
            if (i + 1 < tensors.size()) {
                pad(out, alignment);
                if (out.count - dataStart != offsets.get(i + 1)) {
                    throw new IllegalStateException("offset bookkeeping is wrong");
                }
            }
        }
        out.flush();
    }

    private static int alignment(Map<String, GgufValue> metadata) {
        GgufValue value = metadata.get(GgufReader.ALIGNMENT_KEY);
        if (value == null) {
            return GgufReader.DEFAULT_ALIGNMENT;
        }
        long a = value.type() == GgufValueType.UINT32 ? value.asLong() : 0;
        if (a == 0 || Long.bitCount(a) != 1 || a > (1 << 30)) {
            throw new IllegalArgumentException(
                    GgufReader.ALIGNMENT_KEY + " must be a UINT32 power of two, got " + value);
        }
        return (int) a;
    }

    private static void pad(CountingStream out, int alignment) throws IOException {
        long target = GgufReader.alignUp(out.count, alignment);
        while (out.count < target) {
            out.write(0);
        }
    }

    private static void value(OutputStream out, GgufValue v) throws IOException {
        switch (v.type()) {
            case UINT8, INT8 -> out.write((Byte) v.value());
            case UINT16, INT16 -> {
                short s = (Short) v.value();
                out.write(s);
                out.write(s >>> 8);
            }
            case UINT32, INT32 -> u32(out, (Integer) v.value());
            case UINT64, INT64 -> u64(out, (Long) v.value());
            case FLOAT32 -> u32(out, Float.floatToRawIntBits((Float) v.value()));
            case FLOAT64 -> u64(out, Double.doubleToRawLongBits((Double) v.value()));
            case BOOL -> out.write((Boolean) v.value() ? 1 : 0);
            case STRING -> string(out, (String) v.value());
            case ARRAY -> {
                GgufArray array = (GgufArray) v.value();
                u32(out, array.elementType().id());
                u64(out, array.size());
                for (GgufValue element : array.elements()) {
                    value(out, element);
                }
            }
        }
    }

    private static void string(OutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        u64(out, bytes.length);
        out.write(bytes);
    }

    private static void u32(OutputStream out, int v) throws IOException {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static void u64(OutputStream out, long v) throws IOException {
        u32(out, (int) v);
        u32(out, (int) (v >>> 32));
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
