package dev.bitbench.kernels.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * Ternary (1.58-bit) weights: codes in {-1, 0, 1}, one per byte, row-major, and one float scale per
 * group; element {@code i} of group {@code g} stands for {@code code(i) * scale(g)}.
 *
 * <p>This is the unpacked form that packed ternary formats (2-bit, TQ1_0, TQ2_0) and BitLinear start
 * from. {@link #bytesUsed()} counts the packed 2-bit storage those formats use: {@code ceil(size /
 * 4) + 4 * groupCount}.
 */
public final class TernaryMatrix implements QuantizedMatrix {
    private final QuantShape shape;
    private final byte[] codes;
    private final float[] scales;

    /** Takes ownership of arrays already checked by the quantizer. */
    TernaryMatrix(QuantShape shape, byte[] codes, float[] scales) {
        this.shape = shape;
        this.codes = codes;
        this.scales = scales;
    }

    /**
     * Builds a ternary matrix from existing codes and scales (copied).
     *
     * @param codes {@code rows * cols} codes in {-1, 0, 1}, row-major
     * @param scales one finite, non-negative scale per group ({@link QuantShape#groupCount()})
     * @throws IllegalArgumentException if a length does not match the shape, a code is outside
     *     {-1, 0, 1} or a scale is negative or not finite
     */
    public static TernaryMatrix of(QuantShape shape, byte[] codes, float[] scales) {
        Objects.requireNonNull(shape, "shape");
        StoredFormChecks.requireCodesInRange(codes, -1, 1);
        StoredFormChecks.requireScales(scales);
        shape.requireLength("codes", codes.length);
        shape.requireGroups("scales", scales.length);
        return new TernaryMatrix(shape, codes.clone(), scales.clone());
    }

    @Override
    public QuantScheme scheme() {
        return QuantScheme.TERNARY;
    }

    @Override
    public QuantShape shape() {
        return shape;
    }

    /** A copy of the codes: {@code size()} bytes in {-1, 0, 1}, row-major. */
    public byte[] codes() {
        return codes.clone();
    }

    /** The code of row-major element {@code index}: -1, 0 or 1. */
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

    /** The scale that applies to row {@code row} (the single scale when per tensor). */
    public float scaleOfRow(int row) {
        Objects.checkIndex(row, shape.rows());
        return scales[shape.granularity().groupOfRow(row)];
    }

    /** {@code ceil(size / 4)} bytes of 2-bit codes plus 4 bytes per scale. */
    @Override
    public long bytesUsed() {
        return ((long) shape.size() + 3) / 4 + 4L * scales.length;
    }

    @Override
    public void dequantizeInto(float[] out) {
        ScaledCodes.dequantizeInto(shape, codes, scales, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TernaryMatrix that
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
        return "TernaryMatrix[" + shape.rows() + " x " + shape.cols() + ", " + shape.granularity() + ", " + bytesUsed()
                + " bytes]";
    }
}
