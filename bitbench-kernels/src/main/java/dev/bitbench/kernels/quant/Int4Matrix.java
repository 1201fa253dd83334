package dev.bitbench.kernels.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * Symmetric INT4 weights: signed codes in [-7, 7] packed two per byte and one float scale per group;
 * element {@code i} of group {@code g} stands for {@code code(i) * scale(g)}.
 *
 * <p>Packing runs over the whole row-major array, not row by row: element {@code i} is in byte
 * {@code i / 2}, in the low nibble when {@code i} is even and the high nibble when odd, as a 4-bit
 * two's-complement number (-7 is {@code 0x9}). When the size is odd the last high nibble is 0. Rows
 * of odd length therefore start mid-byte. {@link #bytesUsed()} is {@code ceil(size / 2) + 4 *
 * groupCount}.
 */
public final class Int4Matrix implements QuantizedMatrix {
    private final QuantShape shape;
    private final byte[] packed;
    private final float[] scales;

    /** Takes ownership of arrays already checked by the quantizer. */
    Int4Matrix(QuantShape shape, byte[] packed, float[] scales) {
        this.shape = shape;
        this.packed = packed;
        this.scales = scales;
    }

    /**
     * Builds a matrix from packed codes and scales (copied).
     *
     * @param packed {@code ceil(rows * cols / 2)} bytes, two signed nibbles each, low nibble first
     * @param scales one finite, non-negative scale per group
     * @throws IllegalArgumentException if a length does not match the shape, a nibble is -8 ({@code
     *     0x8}), the unused high nibble of an odd-sized matrix is not 0, or a scale is negative or
     *     not finite
     */
    public static Int4Matrix of(QuantShape shape, byte[] packed, float[] scales) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(packed, "packed");
        StoredFormChecks.requireScales(scales);
        int expected = (shape.size() + 1) / 2;
        if (packed.length != expected) {
            throw new IllegalArgumentException("packed.length is " + packed.length + " but rows x cols is "
                    + shape.rows() + " x " + shape.cols() + " = " + shape.size() + ", which packs into "
                    + expected + " bytes");
        }
        shape.requireGroups("scales", scales.length);
        for (int i = 0; i < shape.size(); i++) {
            if (nibble(packed, i) == -8) {
                throw new IllegalArgumentException("code " + i + " is -8, outside [-7, 7]");
            }
        }
        if (shape.size() % 2 == 1 && (packed[expected - 1] & 0xf0) != 0) {
            throw new IllegalArgumentException("the unused high nibble of packed[" + (expected - 1) + "] is not 0");
        }
        return new Int4Matrix(shape, packed.clone(), scales.clone());
    }

    /** The signed nibble of element {@code index}: low nibble for even, high for odd indices. */
    static int nibble(byte[] packed, int index) {
        // shift the wanted nibble to the top of the int, then sign-extend it back down
        int shift = 28 - ((index & 1) << 2);
        return (packed[index >> 1] << shift) >> 28;
    }

    @Override
    public QuantScheme scheme() {
        return QuantScheme.INT4;
    }

    @Override
    public QuantShape shape() {
        return shape;
    }

    /** A copy of the packed codes: {@code ceil(size() / 2)} bytes, low nibble first. */
    public byte[] packed() {
        return packed.clone();
    }

    /** The code of row-major element {@code index}, in [-7, 7]. */
    public int code(int index) {
        Objects.checkIndex(index, shape.size());
        return nibble(packed, index);
    }

    /** A copy of the scales, one per group. */
    public float[] scales() {
        return scales.clone();
    }

    /** The scale of group {@code group}. */
    public float scale(int group) {
        return scales[group];
    }

    /** {@code ceil(size / 2)} bytes of codes plus 4 bytes per scale. */
    @Override
    public long bytesUsed() {
        return ((long) shape.size() + 1) / 2 + 4L * scales.length;
    }

    @Override
    public void dequantizeInto(float[] out) {
        Objects.requireNonNull(out, "out");
        shape.requireLength("out", out.length);
        int groupSize = shape.groupSize();
        for (int group = 0; group < scales.length; group++) {
            float scale = scales[group];
            int from = group * groupSize;
            int to = from + groupSize;
            int i = from;
            if ((i & 1) == 1 && i < to) {
                out[i] = (packed[i >> 1] >> 4) * scale; // starts mid-byte: high nibble
                i++;
            }
            for (; i + 1 < to; i += 2) {
                int b = packed[i >> 1]; // sign-extended, so b >> 4 is the signed high nibble
                out[i] = ((b << 28) >> 28) * scale;
                out[i + 1] = (b >> 4) * scale;
            }
            if (i < to) {
                out[i] = ((packed[i >> 1] << 28) >> 28) * scale; // ends mid-byte: low nibble
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Int4Matrix that
                && shape.equals(that.shape)
                && Arrays.equals(packed, that.packed)
                && Arrays.equals(scales, that.scales);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, Arrays.hashCode(packed), Arrays.hashCode(scales));
    }

    @Override
    public String toString() {
        return "Int4Matrix[" + shape.rows() + " x " + shape.cols() + ", " + shape.granularity() + ", " + bytesUsed()
                + " bytes]";
    }
}
