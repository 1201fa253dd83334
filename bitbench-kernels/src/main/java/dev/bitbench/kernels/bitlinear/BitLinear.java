package dev.bitbench.kernels.bitlinear;

import dev.bitbench.kernels.TernaryOps;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Objects;

/**
 * A BitLinear layer: {@code y = (W_ternary . quant(x)) * (w_scale * x_scale)}, where {@code quant}
 * is the int8 per-token absmax quantization of {@link ActivationQuantizer} and the product runs on
 * packed weights through a backend's {@link TernaryOps}.
 *
 * <p>The layer keeps one activation buffer, grown to the largest batch seen, so repeated calls
 * allocate nothing but a small view record. Not thread-safe: use one instance per thread.
 */
public final class BitLinear {
    private final PackedTernaryMatrix weights;
    private final TernaryOps ops;
    private byte[] codes = new byte[0];
    private float[] scales = new float[0];

    /**
     * @param weights {@code [outFeatures x inFeatures]} packed ternary weights with their scales
     * @param ops the backend kernels that compute the product
     */
    public BitLinear(PackedTernaryMatrix weights, TernaryOps ops) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /**
     * Computes {@code y[t * out + r]} for {@code tokens} rows of {@code x} ({@code [tokens x in]},
     * row-major).
     *
     * @throws IllegalArgumentException if {@code x} or {@code y} is shorter than its shape needs, or
     *     {@code x} holds NaN or infinity
     */
    public void forward(float[] x, int tokens, float[] y) {
        int in = inFeatures();
        if (tokens < 0 || x.length < (long) tokens * in) {
            throw new IllegalArgumentException("x has " + x.length + " elements, activations [" + tokens + " x " + in
                    + "] needed for weights " + weights.shape());
        }
        if (y.length < (long) tokens * outFeatures()) {
            throw new IllegalArgumentException("y has " + y.length + " elements, [" + tokens + " x " + outFeatures()
                    + "] needed for weights " + weights.shape());
        }
        if (codes.length < tokens * in || scales.length < tokens) {
            codes = new byte[tokens * in];
            scales = new float[tokens];
        }
        Int8Activations q = new Int8Activations(codes, scales, tokens, in);
        ActivationQuantizer.quantize(x, 0, q);
        if (tokens == 1) {
            ops.bitLinearGemv(weights, q, 0, y, 0);
        } else {
            ops.bitLinearGemm(weights, q, y);
        }
    }

    public int inFeatures() {
        return weights.cols();
    }

    public int outFeatures() {
        return weights.rows();
    }

    public PackedTernaryMatrix weights() {
        return weights;
    }
}
