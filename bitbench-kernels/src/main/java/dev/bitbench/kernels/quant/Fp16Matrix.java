package dev.bitbench.kernels.quant;

import dev.bitbench.kernels.Fp16;
import java.util.Arrays;
import java.util.Objects;

/**
 * Half-precision weights: one IEEE binary16 value per element ({@link Fp16} bits in a {@code
 * short}), row-major, with no scale. The granularity is kept as given but changes nothing.
 *
 * <p>{@link #bytesUsed()} is {@code 2 * size}.
 */
public final class Fp16Matrix implements QuantizedMatrix {
    private final QuantShape shape;
    private final short[] halves;

    /** Takes ownership of an array already checked by the quantizer. */
    Fp16Matrix(QuantShape shape, short[] halves) {
        this.shape = shape;
        this.halves = halves;
    }

    /**
     * Builds a matrix from existing half bits (copied); every bit pattern is accepted, NaN and
     * infinities included.
     *
     * @throws IllegalArgumentException if {@code halves.length != rows * cols}
     */
    public static Fp16Matrix of(QuantShape shape, short[] halves) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(halves, "halves");
        shape.requireLength("halves", halves.length);
        return new Fp16Matrix(shape, halves.clone());
    }

    @Override
    public QuantScheme scheme() {
        return QuantScheme.FP16;
    }

    @Override
    public QuantShape shape() {
        return shape;
    }

    /** A copy of the half bits, row-major. */
    public short[] halves() {
        return halves.clone();
    }

    /** The half bits of row-major element {@code index}. */
    public short half(int index) {
        return halves[index];
    }

    /** 2 bytes per element. */
    @Override
    public long bytesUsed() {
        return 2L * shape.size();
    }

    @Override
    public void dequantizeInto(float[] out) {
        Objects.requireNonNull(out, "out");
        shape.requireLength("out", out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = Fp16.toFloat(halves[i]);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fp16Matrix that && shape.equals(that.shape) && Arrays.equals(halves, that.halves);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, Arrays.hashCode(halves));
    }

    @Override
    public String toString() {
        return "Fp16Matrix[" + shape.rows() + " x " + shape.cols() + ", " + bytesUsed() + " bytes]";
    }
}
