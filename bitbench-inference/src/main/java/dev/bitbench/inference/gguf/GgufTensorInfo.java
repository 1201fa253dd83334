package dev.bitbench.inference.gguf;

import java.util.List;
import java.util.Objects;

/**
 * A tensor's entry in a GGUF file: name, shape in ggml order ({@code shape.get(0)} is the innermost,
 * contiguous dimension: a {@code [rows x cols]} matrix has shape {@code [cols, rows]}), type, and
 * offset of its data from the start of the data section.
 *
 * @param shape one to four dimensions, each {@code >= 0}; the innermost a whole number of blocks
 * @param offset bytes from the start of the data section, {@code >= 0}
 */
public record GgufTensorInfo(String name, List<Long> shape, GgmlType type, long offset) {
    /** ggml's {@code GGML_MAX_DIMS}. */
    public static final int MAX_DIMS = 4;

    public GgufTensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = List.copyOf(shape);
        if (shape.isEmpty() || shape.size() > MAX_DIMS) {
            throw new IllegalArgumentException(
                    "tensor " + name + " has " + shape.size() + " dimensions, expected 1 to " + MAX_DIMS);
        }
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + " has a negative dimension: " + shape);
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("tensor " + name + " has a negative offset " + offset);
        }
        if (shape.get(0) % type.blockValues() != 0) {
            throw new IllegalArgumentException("tensor " + name + " of type " + type + " has shape " + shape
                    + ": the innermost dimension must be a multiple of " + type.blockValues());
        }
    }

    /** Number of values; throws {@link ArithmeticException} on overflow. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Bytes of data, or -1 if the innermost dimension is not a whole number of blocks. */
    public long byteSize() {
        if (shape.get(0) % type.blockValues() != 0) {
            return -1;
        }
        return type.bytesFor(elementCount());
    }

    /** Dimension {@code i} in ggml order, 1 past the last stored one. */
    public long dim(int i) {
        return i < shape.size() ? shape.get(i) : 1;
    }
}
