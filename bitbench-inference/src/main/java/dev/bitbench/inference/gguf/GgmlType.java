package dev.bitbench.inference.gguf;

import java.util.Optional;

/**
 * The ggml tensor types this engine reads and writes, with ggml's type ids ({@code enum ggml_type}
 * in {@code ggml.h}) and block layouts: a tensor's innermost dimension is a whole number of blocks
 * of {@link #blockValues()} values stored in {@link #blockBytes()} bytes.
 *
 * <ul>
 *   <li>{@code F32} (0), {@code F16} (1), {@code BF16} (30): one value per 4 or 2 byte "block".
 *   <li>{@code Q8_0} (8): 32 values in 34 bytes: an IEEE half scale, then 32 int8.
 *   <li>{@code TQ1_0} (34): 256 ternary values in 54 bytes (see the kernels' {@code Tq1_0}).
 *   <li>{@code TQ2_0} (35): 256 ternary values in 66 bytes (see the kernels' {@code Tq2_0}).
 * </ul>
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q8_0(8, 32, 34),
    BF16(30, 1, 2),
    TQ1_0(34, 256, 54),
    TQ2_0(35, 256, 66);

    private final int id;
    private final int blockValues;
    private final int blockBytes;

    GgmlType(int id, int blockValues, int blockBytes) {
        this.id = id;
        this.blockValues = blockValues;
        this.blockBytes = blockBytes;
    }

    /** ggml's numeric type id, as stored in a GGUF tensor info. */
    public int id() {
        return id;
    }

    /** Values per block (1 for plain float types). */
    public int blockValues() {
        return blockValues;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    /**
     * Bytes taken by {@code values} values, or -1 if {@code values} is negative or not a whole number
     * of blocks.
     */
    public long bytesFor(long values) {
        if (values < 0 || values % blockValues != 0) {
            return -1;
        }
        return Math.multiplyExact(values / blockValues, (long) blockBytes);
    }

    /** The lower-case name ggml prints ({@code tq2_0}). */
    public String ggmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type with ggml id {@code id}, if this engine supports it. */
    public static Optional<GgmlType> byId(int id) {
        for (GgmlType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A readable name for any ggml id, supported or not (for error messages). */
    public static String describeId(int id) {
        return byId(id).map(GgmlType::name).orElseGet(() -> knownUnsupportedName(id) + " (ggml type id " + id + ")");
    }

    private static String knownUnsupportedName(int id) {
        return switch (id) {
            case 2 -> "Q4_0";
            case 3 -> "Q4_1";
            case 6 -> "Q5_0";
            case 7 -> "Q5_1";
            case 9 -> "Q8_1";
            case 10 -> "Q2_K";
            case 11 -> "Q3_K";
            case 12 -> "Q4_K";
            case 13 -> "Q5_K";
            case 14 -> "Q6_K";
            case 15 -> "Q8_K";
            case 24 -> "I8";
            case 25 -> "I16";
            case 26 -> "I32";
            case 27 -> "I64";
            case 28 -> "F64";
            case 39 -> "MXFP4";
            default -> "unknown type";
        };
    }
}
