package dev.bitbench.kernels.bitlinear;

import java.util.Objects;

/**
 * Int8 per-token absmax quantization of activations, as BitNet b1.58 does before a BitLinear.
 *
 * <p>For each token (row) with {@code absmax = max |x|}: {@code q = rint(x * (127 / absmax))},
 * clamped to {@code [-127, 127]}, and {@code scale = absmax / 127}, so {@code x ~ q * scale} with
 * an error of at most {@code scale / 2} per element. {@code 127 / absmax} is computed once per
 * token in float, as BitNet's {@code 127 / x.abs().max()}; {@code rint} rounds ties to even, as
 * {@code torch.round} and ggml's {@code nearest_int} do. The clamp only guards against the float
 * product rounding just past 127. A token of zeros gets scale 0 and codes 0. NaN or infinite input
 * is rejected, as no finite scale represents it.
 */
public final class ActivationQuantizer {
    private ActivationQuantizer() {}

    /**
     * Quantizes {@code rows x cols} row-major floats into new activations.
     *
     * @throws IllegalArgumentException if {@code x} is shorter than {@code rows * cols} or holds a
     *     NaN or infinity
     */
    public static Int8Activations quantize(float[] x, int rows, int cols) {
        Int8Activations out = Int8Activations.allocate(rows, cols);
        quantize(x, 0, out);
        return out;
    }

    /**
     * Quantizes {@code out.rows() x out.cols()} row-major floats from {@code x[xOff ..]} into {@code
     * out}, overwriting its values and scales; allocates nothing.
     */
    public static void quantize(float[] x, int xOff, Int8Activations out) {
        Objects.requireNonNull(x, "x");
        int rows = out.rows();
        int cols = out.cols();
        Objects.checkFromIndexSize(xOff, rows * cols, x.length);
        for (int r = 0; r < rows; r++) {
            out.scales()[r] = quantizeRow(x, xOff + r * cols, cols, out.values(), r * cols);
        }
    }

    /**
     * Quantizes one token {@code x[xOff .. xOff+n)} into {@code q[qOff .. qOff+n)}.
     *
     * @return the token's scale, {@code absmax / 127} (0 for a token of zeros)
     */
    public static float quantizeRow(float[] x, int xOff, int n, byte[] q, int qOff) {
        float absmax = 0f;
        for (int i = 0; i < n; i++) {
            absmax = Math.max(absmax, Math.abs(x[xOff + i]));
        }
        if (!Float.isFinite(absmax)) {
            throw new IllegalArgumentException("activations hold NaN or infinity (absmax " + absmax + ")");
        }
        if (absmax == 0f) {
            for (int i = 0; i < n; i++) {
                q[qOff + i] = 0;
            }
            return 0f;
        }
        float inv = 127f / absmax;
        for (int i = 0; i < n; i++) {
            float v = (float) Math.rint(x[xOff + i] * inv);
            q[qOff + i] = (byte) Math.max(-127f, Math.min(127f, v));
        }
        return absmax / 127f;
    }
}
