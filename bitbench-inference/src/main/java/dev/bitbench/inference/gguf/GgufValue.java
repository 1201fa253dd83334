package dev.bitbench.inference.gguf;

import java.util.List;
import java.util.Objects;

/**
 * One GGUF metadata value: its {@link GgufValueType} and its Java value. The Java class is fixed by
 * the type: {@code UINT8}/{@code INT8} a {@link Byte}, {@code UINT16}/{@code INT16} a {@link Short},
 * {@code UINT32}/{@code INT32} an {@link Integer}, {@code UINT64}/{@code INT64} a {@link Long} (the
 * unsigned types keep their bits: read them with {@link #asLong()}), {@code FLOAT32} a {@link Float},
 * {@code FLOAT64} a {@link Double}, {@code BOOL} a {@link Boolean}, {@code STRING} a {@link String},
 * {@code ARRAY} a {@link GgufArray}. The constructor rejects any other pairing.
 */
public record GgufValue(GgufValueType type, Object value) {
    public GgufValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Class<?> expected = switch (type) {
            case UINT8, INT8 -> Byte.class;
            case UINT16, INT16 -> Short.class;
            case UINT32, INT32 -> Integer.class;
            case UINT64, INT64 -> Long.class;
            case FLOAT32 -> Float.class;
            case FLOAT64 -> Double.class;
            case BOOL -> Boolean.class;
            case STRING -> String.class;
            case ARRAY -> GgufArray.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(type + " value must be a " + expected.getSimpleName() + ", got "
                    + value.getClass().getSimpleName());
        }
    }

    public static GgufValue uint32(long v) {
        if (v < 0 || v > 0xffff_ffffL) {
            throw new IllegalArgumentException("uint32 out of range: " + v);
        }
        return new GgufValue(GgufValueType.UINT32, (int) v);
    }

    public static GgufValue int32(int v) {
        return new GgufValue(GgufValueType.INT32, v);
    }

    public static GgufValue uint64(long v) {
        return new GgufValue(GgufValueType.UINT64, v);
    }

    public static GgufValue float32(float v) {
        return new GgufValue(GgufValueType.FLOAT32, v);
    }

    public static GgufValue bool(boolean v) {
        return new GgufValue(GgufValueType.BOOL, v);
    }

    public static GgufValue string(String v) {
        return new GgufValue(GgufValueType.STRING, v);
    }

    public static GgufValue array(GgufValueType elementType, List<GgufValue> elements) {
        return new GgufValue(GgufValueType.ARRAY, new GgufArray(elementType, elements));
    }

    /** This integer value as a long; unsigned types are zero-extended (a {@code UINT64} keeps its bits). */
    public long asLong() {
        return switch (type) {
            case UINT8 -> Byte.toUnsignedLong((Byte) value);
            case INT8 -> (Byte) value;
            case UINT16 -> Short.toUnsignedLong((Short) value);
            case INT16 -> (Short) value;
            case UINT32 -> Integer.toUnsignedLong((Integer) value);
            case INT32 -> (Integer) value;
            case UINT64, INT64 -> (Long) value;
            default -> throw new IllegalStateException("not an integer value: " + type);
        };
    }

    /** This numeric value as a double (integers converted as by {@link #asLong()}). */
    public double asDouble() {
        return switch (type) {
            case FLOAT32 -> (Float) value;
            case FLOAT64 -> (Double) value;
            default -> asLong();
        };
    }

    public String asString() {
        if (type != GgufValueType.STRING) {
            throw new IllegalStateException("not a string value: " + type);
        }
        return (String) value;
    }

    public GgufArray asArray() {
        if (type != GgufValueType.ARRAY) {
            throw new IllegalStateException("not an array value: " + type);
        }
        return (GgufArray) value;
    }

    /** Whether this is one of the eight integer types. */
    public boolean isInteger() {
        return switch (type) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
            default -> false;
        };
    }
}
