package dev.bitbench.inference.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed GGUF file: version, metadata in file order, tensor infos in file order, alignment and
 * the byte offset of the data section. Tensor bytes are memory-mapped on request, one mapping per
 * tensor, so files larger than 2 GiB work as long as each tensor is under 2 GiB; nothing is copied
 * onto the heap. Closing releases the file channel; buffers already returned stay valid.
 */
public final class GgufFile implements AutoCloseable {
    private final ByteSource source;
    private final int version;
    private final Map<String, GgufValue> metadata;
    private final List<GgufTensorInfo> tensors;
    private final Map<String, GgufTensorInfo> tensorsByName = new LinkedHashMap<>();
    private final int alignment;
    private final long dataOffset;

    GgufFile(
            ByteSource source,
            int version,
            Map<String, GgufValue> metadata,
            List<GgufTensorInfo> tensors,
            int alignment,
            long dataOffset) {
        this.source = source;
        this.version = version;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.tensors = List.copyOf(tensors);
        for (GgufTensorInfo t : tensors) {
            tensorsByName.put(t.name(), t);
        }
        this.alignment = alignment;
        this.dataOffset = dataOffset;
    }

    /** GGUF version, 2 or 3. */
    public int version() {
        return version;
    }

    /** Metadata in file order (unmodifiable). */
    public Map<String, GgufValue> metadata() {
        return metadata;
    }

    /** Tensor infos in file order. */
    public List<GgufTensorInfo> tensors() {
        return tensors;
    }

    public Optional<GgufTensorInfo> tensor(String name) {
        return Optional.ofNullable(tensorsByName.get(name));
    }

    /** Data alignment in bytes ({@code general.alignment}, default 32). */
    public int alignment() {
        return alignment;
    }

    /** Byte offset of the data section in the file. */
    public long dataOffset() {
        return dataOffset;
    }

    /** File size in bytes. */
    public long fileSize() {
        return source.size();
    }

    /**
     * The bytes of {@code tensor} as a read-only little-endian buffer (a memory mapping for files).
     *
     * @throws GgufFormatException if the tensor is 2 GiB or larger
     */
    public ByteBuffer tensorData(GgufTensorInfo tensor) throws IOException {
        long size = tensor.byteSize();
        if (size > Integer.MAX_VALUE) {
            throw new GgufFormatException(
                    "tensor '" + tensor.name() + "' is " + size + " bytes; tensors of 2 GiB or more are not supported");
        }
        return source.slice(dataOffset + tensor.offset(), (int) size);
    }

    /** Metadata value of {@code key}, if present. */
    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
