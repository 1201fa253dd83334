package dev.bitbench.inference.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads GGUF files, versions 2 and 3 (little-endian): the header, every metadata value (nested
 * arrays included), the tensor infos and the data section, aligned to {@code general.alignment}
 * (default {@value #DEFAULT_ALIGNMENT}). Tensor data is not read here: {@link GgufFile#tensorData}
 * memory-maps each tensor on request.
 *
 * <p>Every length, count, offset and size is checked against the bytes the file actually has
 * before anything is allocated, so a corrupt or hostile file gives one {@link GgufFormatException}
 * naming the problem and its byte offset, key or tensor, never an out-of-memory error. Memory used
 * for metadata is proportional to the file size (an array element costs a small object).
 */
public final class GgufReader {
    /** "GGUF" read as a little-endian uint32. */
    public static final int MAGIC = 0x46554747;
    /** The alignment of tensor data when {@code general.alignment} is absent. */
    public static final int DEFAULT_ALIGNMENT = 32;
    /** The metadata key of the data alignment. */
    public static final String ALIGNMENT_KEY = "general.alignment";

    private static final int MAX_ARRAY_NESTING = 16;
    /** Fewest bytes of one tensor info: name length, n_dims, one dim, type, offset. */
    private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 8 + 4 + 8;
    /** Fewest bytes of one key/value pair: key length, type, a one-byte value. */
    private static final int MIN_KV_BYTES = 8 + 4 + 1;

    private GgufReader() {}

    /**
     * Opens and parses {@code path}; the returned file keeps the channel open for mapping tensors
     * until closed.
     *
     * @throws GgufFormatException if the file is not a valid GGUF v2/v3 file of supported tensor
     *     types
     * @throws IOException if the file cannot be read
     */
    public static GgufFile read(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return parse(ByteSource.of(channel), path.toString());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Parses a whole GGUF file held in memory (tensor data are views of {@code bytes}). */
    public static GgufFile read(byte[] bytes) throws GgufFormatException {
        try {
            return parse(ByteSource.of(bytes), "<memory>");
        } catch (GgufFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory read failed", e);
        }
    }

    private static GgufFile parse(ByteSource source, String name) throws IOException {
        HeaderCursor in = new HeaderCursor(source);
        if (source.size() < 4) {
            throw new GgufFormatException(
                    name + " is not a GGUF file: " + source.size() + " bytes, too short for the magic");
        }
        int magic = in.u32("magic");
        if (magic != MAGIC) {
            throw new GgufFormatException(name + " is not a GGUF file: magic is 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(MAGIC) + " (\"GGUF\")");
        }
        int version = in.u32("version");
        if (version != 2 && version != 3) {
            throw new GgufFormatException("unsupported GGUF version " + Integer.toUnsignedString(version)
                    + (Integer.reverseBytes(version) == 3 ? " (a big-endian file?)" : "") + ", expected 2 or 3");
        }
        long tensorCount = in.u64("tensor count");
        long kvCount = in.u64("metadata count");
        checkCount(in, tensorCount, MIN_TENSOR_INFO_BYTES, "tensor count");
        checkCount(in, kvCount, MIN_KV_BYTES, "metadata count");

        Map<String, GgufValue> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            in.context = "metadata entry " + i;
            String key = readString(in, "metadata key");
            in.context = "metadata key '" + key + "'";
            int typeId = in.u32("value type");
            GgufValue value = readValue(in, valueType(in, typeId), 0);
            if (metadata.putIfAbsent(key, value) != null) {
                throw new GgufFormatException("duplicate metadata key '" + key + "'");
            }
        }
        int alignment = alignment(metadata);

        List<GgufTensorInfo> tensors = new ArrayList<>((int) Math.min(tensorCount, 1 << 16));
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            in.context = "tensor info " + i;
            String tensorName = readString(in, "tensor name");
            in.context = "tensor '" + tensorName + "'";
            GgufTensorInfo info = readTensorInfo(in, tensorName);
            if (!names.add(tensorName)) {
                throw new GgufFormatException("duplicate tensor '" + tensorName + "'");
            }
            tensors.add(info);
        }
        long dataStart = alignUp(in.position(), alignment);
        long dataSize = tensors.isEmpty() ? 0 : source.size() - dataStart;
        if (!tensors.isEmpty() && dataStart > source.size()) {
            throw new GgufFormatException("truncated file: the data section would start at byte " + dataStart
                    + " but the file ends at byte " + source.size());
        }
        for (GgufTensorInfo t : tensors) {
            if (t.offset() % alignment != 0) {
                throw new GgufFormatException("tensor '" + t.name() + "' has offset " + t.offset()
                        + ", not a multiple of the alignment " + alignment);
            }
            long size = t.byteSize();
            if (t.offset() > dataSize || size > dataSize - t.offset()) {
                throw new GgufFormatException("tensor '" + t.name() + "' (" + size + " bytes at data offset "
                        + t.offset() + ") extends past the end of the file: the data section has " + dataSize
                        + " bytes");
            }
        }
        return new GgufFile(source, version, metadata, tensors, alignment, dataStart);
    }

    private static void checkCount(HeaderCursor in, long count, int minBytes, String what) throws GgufFormatException {
        if (count < 0 || count > in.remaining() / minBytes) {
            throw new GgufFormatException(what + " " + Long.toUnsignedString(count) + " is impossible: the "
                    + in.remaining() + " bytes left hold at most " + in.remaining() / minBytes);
        }
    }

    private static GgufValueType valueType(HeaderCursor in, int id) throws GgufFormatException {
        GgufValueType type = GgufValueType.byId(id);
        if (type == null) {
            throw new GgufFormatException("unknown metadata value type " + Integer.toUnsignedString(id) + " at byte "
                    + (in.position() - 4) + " (" + in.context + "), expected 0 to 12");
        }
        return type;
    }

    private static String readString(HeaderCursor in, String what) throws IOException {
        long length = in.u64(what + " length");
        byte[] bytes = in.bytes(length, what);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static GgufValue readValue(HeaderCursor in, GgufValueType type, int depth) throws IOException {
        return switch (type) {
            case UINT8, INT8 -> new GgufValue(type, in.u8("value"));
            case UINT16, INT16 -> new GgufValue(type, in.u16("value"));
            case UINT32, INT32 -> new GgufValue(type, in.u32("value"));
            case UINT64, INT64 -> new GgufValue(type, in.u64("value"));
            case FLOAT32 -> new GgufValue(type, Float.intBitsToFloat(in.u32("value")));
            case FLOAT64 -> new GgufValue(type, Double.longBitsToDouble(in.u64("value")));
            case BOOL -> {
                byte b = in.u8("value");
                if (b != 0 && b != 1) {
                    throw new GgufFormatException("bool value " + (b & 0xff) + " at byte " + (in.position() - 1) + " ("
                            + in.context + "), expected 0 or 1");
                }
                yield new GgufValue(type, b == 1);
            }
            case STRING -> new GgufValue(type, readString(in, "string"));
            case ARRAY -> new GgufValue(type, readArray(in, depth));
        };
    }

    private static GgufArray readArray(HeaderCursor in, int depth) throws IOException {
        if (depth >= MAX_ARRAY_NESTING) {
            throw new GgufFormatException("arrays nested deeper than " + MAX_ARRAY_NESTING + " at byte " + in.position()
                    + " (" + in.context + ")");
        }
        GgufValueType elementType = valueType(in, in.u32("array element type"));
        long count = in.u64("array length");
        checkCount(in, count, elementType.minBytes(), "array length");
        List<GgufValue> elements = new ArrayList<>((int) Math.min(count, 1 << 16));
        for (long i = 0; i < count; i++) {
            elements.add(readValue(in, elementType, depth + 1));
        }
        return new GgufArray(elementType, elements);
    }

    private static GgufTensorInfo readTensorInfo(HeaderCursor in, String name) throws IOException {
        int nDims = in.u32("dimension count");
        if (nDims < 1 || nDims > GgufTensorInfo.MAX_DIMS) {
            throw new GgufFormatException("tensor '" + name + "' has " + Integer.toUnsignedString(nDims)
                    + " dimensions, expected 1 to " + GgufTensorInfo.MAX_DIMS);
        }
        List<Long> shape = new ArrayList<>(nDims);
        long elements = 1;
        for (int d = 0; d < nDims; d++) {
            long dim = in.u64("dimension");
            if (dim < 0) {
                throw new GgufFormatException("tensor '" + name + "' has dimension " + Long.toUnsignedString(dim)
                        + ", larger than ggml's limit 2^63-1");
            }
            if (dim != 0 && elements > Long.MAX_VALUE / dim) {
                throw new GgufFormatException("tensor '" + name + "' has too many elements (shape overflows 2^63)");
            }
            elements *= dim;
            shape.add(dim);
        }
        int typeId = in.u32("tensor type");
        GgmlType type = GgmlType.byId(typeId)
                .orElseThrow(() -> new GgufFormatException("tensor '" + name + "' has type "
                        + GgmlType.describeId(typeId) + ", which this engine does not support (supported: "
                        + List.of(GgmlType.values()) + ")"));
        long offset = in.u64("tensor offset");
        if (offset < 0) {
            throw new GgufFormatException(
                    "tensor '" + name + "' has offset " + Long.toUnsignedString(offset) + ", past any file");
        }
        if (shape.get(0) % type.blockValues() != 0) {
            throw new GgufFormatException("tensor '" + name + "' of type " + type + " has innermost dimension "
                    + shape.get(0) + ", not a multiple of the block size " + type.blockValues());
        }
        if (elements / type.blockValues() > Long.MAX_VALUE / type.blockBytes()) {
            throw new GgufFormatException("tensor '" + name + "' is too large (byte size overflows 2^63)");
        }
        return new GgufTensorInfo(name, shape, type, offset);
    }

    private static int alignment(Map<String, GgufValue> metadata) throws GgufFormatException {
        GgufValue value = metadata.get(ALIGNMENT_KEY);
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (value.type() != GgufValueType.UINT32) {
            throw new GgufFormatException(ALIGNMENT_KEY + " has type " + value.type() + ", expected UINT32");
        }
        long a = value.asLong();
        if (a == 0 || Long.bitCount(a) != 1 || a > (1 << 30)) {
            throw new GgufFormatException(ALIGNMENT_KEY + " is " + a + ", expected a power of two up to 2^30");
        }
        return (int) a;
    }

    static long alignUp(long pos, int alignment) {
        return (pos + alignment - 1) / alignment * alignment;
    }
}
