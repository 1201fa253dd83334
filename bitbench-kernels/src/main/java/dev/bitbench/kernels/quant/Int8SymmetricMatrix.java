package dev.bitbench.kernels.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * Symmetric INT8 weights: signed codes in [-127, 127], one per byte, row-major, and one float scale
 * per group; element {@code i} of group {@code g} stands for {@code code(i) * scale(g)}.
 *
 * <p>{@link #bytesUsed()} is {@code size + 4 * groupCount}.
 */
public final class Int8SymmetricMatrix implements QuantizedMatrix {
    private final QuantShape shape;
    private final byte[] codes;
    private final float[] scales;

    /** Takes ownership of arrays already checked by the quantizer. */
    Int8SymmetricMatrix(QuantShape shape, byte[] codes, float[] scales) {
        this.shape = shape;
        this.codes = codes;
        this.scales = scales;
    }

    /**
     * Builds a matrix from existing codes and scales (copied).
     *
     * @param codes {@code rows * cols} codes in [-127, 127], row-major
     * @param scales one finite, non-negative scale per group
     * @throws IllegalArgumentException if a length does not match the shape, a code is -128 or a
     *     scale is negative or not finite
     */
    public static Int8SymmetricMatrix of(QuantShape shape, byte[] codes, float[] scales) {
        Objects.requireNonNull(shape, "shape");
        StoredFormChecks.requireCodesInRange(codes, -127, 127);
        StoredFormChecks.requireScales(scales);
        shape.requireLength("codes", codes.length);
        shape.requireGroups("scales", scales.length);
        return new Int8SymmetricMatrix(shape, codes.clone(), scales.clone());
    }

    @Override
    public QuantScheme scheme() {
        return QuantScheme.INT8_SYMMETRIC;
    }

    @Override
    public QuantShape shape() {
        return shape;
    }

    /** A copy of the codes: {@code size()} signed bytes in [-127, 127], row-major. */
    public byte[] codes() {
        return codes.clone();
    }

    /** The code of row-major element {@code index}, in [-127, 127]. */
    public int code(int index) {
        return codes[index];
    }

    /** A copy of the scales, one per group. */
    public float[] scales() {
        return scales.clone();
    }

    /** The scale of group {@code group}. */
    public float scale(int group) {
        return scales[group];
    }

    /** {@code size} bytes of codes plus 4 bytes per scale. */
    @Override
    public long bytesUsed() {
        return (long) shape.size() + 4L * scales.length;
    }

    @Override
    public void dequantizeInto(float[] out) {
        ScaledCodes.dequantizeInto(shape, codes, scales, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Int8SymmetricMatrix that
                && shape.equals(that.shape)
                && Arrays.equals(codes, that.codes)
                && Arrays.equals(scales, that.scales);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, Arrays.hashCode(codes), Arrays.hashCode(scales));
    }

    @Override
    public String toString() {
        return "Int8SymmetricMatrix[" + shape.rows() + " x " + shape.cols() + ", " + shape.granularity() + ", "
                + bytesUsed() + " bytes]";
    }
}
