package dev.bitbench.inference.gguf;

/**
 * The GGUF metadata value types, with their ids ({@code gguf_metadata_value_type} in the GGUF
 * specification). Integers are little-endian; {@code BOOL} is one byte, 0 or 1; {@code STRING} is a
 * {@code uint64} byte length and UTF-8 bytes; {@code ARRAY} is an element type, a {@code uint64}
 * count and the elements (arrays may nest).
 */
public enum GgufValueType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    STRING(8, 8),
    ARRAY(9, 12),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private final int id;
    private final int minBytes;

    GgufValueType(int id, int minBytes) {
        this.id = id;
        this.minBytes = minBytes;
    }

    /** The id stored in the file. */
    public int id() {
        return id;
    }

    /** The fewest bytes one value of this type takes (a string's or array's header alone). */
    int minBytes() {
        return minBytes;
    }

    /** The type with id {@code id}, or null. */
    static GgufValueType byId(int id) {
        GgufValueType[] all = values();
        return id >= 0 && id < all.length ? all[id] : null;
    }
}
