package dev.bitbench.kernels.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * Asymmetric INT8 weights: unsigned codes in [0, 255] (stored in a {@code byte}, read as {@code b &
 * 0xff}), row-major, with one float scale and one unsigned zero point in [0, 255] per group; element
 * {@code i} of group {@code g} stands for {@code (code(i) - zeroPoint(g)) * scale(g)}.
 *
 * <p>{@link #bytesUsed()} is {@code size + 5 * groupCount} (4-byte scale, 1-byte zero point).
 */
public final class Int8AsymmetricMatrix implements QuantizedMatrix {
    private final QuantShape shape;
    private final byte[] codes;
    private final float[] scales;
    private final byte[] zeroPoints;

    /** Takes ownership of arrays already checked by the quantizer. */
    Int8AsymmetricMatrix(QuantShape shape, byte[] codes, float[] scales, byte[] zeroPoints) {
        this.shape = shape;
        this.codes = codes;
        this.scales = scales;
        this.zeroPoints = zeroPoints;
    }

    /**
     * Builds a matrix from existing codes, scales and zero points (copied); every byte is a valid
     * unsigned code or zero point.
     *
     * @param codes {@code rows * cols} unsigned codes, row-major
     * @param scales one finite, non-negative scale per group
     * @param zeroPoints one unsigned zero point per group
     * @throws IllegalArgumentException if a length does not match the shape or a scale is negative
     *     or not finite
     */
    public static Int8AsymmetricMatrix of(QuantShape shape, byte[] codes, float[] scales, byte[] zeroPoints) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(zeroPoints, "zeroPoints");
        StoredFormChecks.requireScales(scales);
        shape.requireLength("codes", codes.length);
        shape.requireGroups("scales", scales.length);
        shape.requireGroups("zeroPoints", zeroPoints.length);
        return new Int8AsymmetricMatrix(shape, codes.clone(), scales.clone(), zeroPoints.clone());
    }

    @Override
    public QuantScheme scheme() {
        return QuantScheme.INT8_ASYMMETRIC;
    }

    @Override
    public QuantShape shape() {
        return shape;
    }

    /** A copy of the codes: {@code size()} bytes holding unsigned values, row-major. */
    public byte[] codes() {
        return codes.clone();
    }

    /** The code of row-major element {@code index}, in [0, 255]. */
    public int code(int index) {
        return codes[index] & 0xff;
    }

    /** A copy of the scales, one per group. */
    public float[] scales() {
        return scales.clone();
    }

    /** The scale of group {@code group}. */
    public float scale(int group) {
        return scales[group];
    }

    /** A copy of the zero points, one unsigned byte per group. */
    public byte[] zeroPoints() {
        return zeroPoints.clone();
    }

    /** The zero point of group {@code group}, in [0, 255]: the code that stands for 0. */
    public int zeroPoint(int group) {
        return zeroPoints[group] & 0xff;
    }

    /** {@code size} bytes of codes plus 4 bytes per scale and 1 per zero point. */
    @Override
    public long bytesUsed() {
        return (long) shape.size() + 5L * scales.length;
    }

    @Override
    public void dequantizeInto(float[] out) {
        Objects.requireNonNull(out, "out");
        shape.requireLength("out", out.length);
        int groupSize = shape.groupSize();
        for (int group = 0; group < scales.length; group++) {
            float scale = scales[group];
            int zeroPoint = zeroPoints[group] & 0xff;
            int from = group * groupSize;
            int to = from + groupSize;
            for (int i = from; i < to; i++) {
                out[i] = ((codes[i] & 0xff) - zeroPoint) * scale;
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Int8AsymmetricMatrix that
                && shape.equals(that.shape)
                && Arrays.equals(codes, that.codes)
                && Arrays.equals(scales, that.scales)
                && Arrays.equals(zeroPoints, that.zeroPoints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, Arrays.hashCode(codes), Arrays.hashCode(scales), Arrays.hashCode(zeroPoints));
    }

    @Override
    public String toString() {
        return "Int8AsymmetricMatrix[" + shape.rows() + " x " + shape.cols() + ", " + shape.granularity() + ", "
                + bytesUsed() + " bytes]";
    }
}
