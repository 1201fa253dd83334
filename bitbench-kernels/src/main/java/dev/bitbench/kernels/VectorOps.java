package dev.bitbench.kernels;

/**
 * Elementwise operations, reductions, activations and the row operations of a transformer layer,
 * on row-major {@code float[]} data.
 *
 * <h2>Ranges and offsets</h2>
 *
 * Every operation works on {@code n} consecutive elements. The short forms without offsets start at
 * index 0 of every array; the long forms take one offset per array so that a row of a larger
 * buffer, or a {@link Tensor} view, is used without copying. {@code n == 0} is valid and touches
 * nothing. A negative {@code n} or offset, or an array shorter than {@code offset + n}, gives
 * {@link IllegalArgumentException} whose message names the array and both numbers (its length and
 * the end of the requested range). A null array gives {@link NullPointerException}.
 *
 * <h2>Aliasing</h2>
 *
 * An output may be the same array as an input at the same offset (in place). Partly overlapping
 * ranges (same array, different offsets) give unspecified results.
 *
 * <h2>Precision, NaN and infinity</h2>
 *
 * {@code add}, {@code mul}, {@code scale}, {@code relu}, {@code relu2}, {@code max} and {@code rope}
 * give the same bits on every backend. Sums ({@code sum}, {@code mean}, the normaliser of {@code
 * softmax} and {@code rmsNorm}) may be accumulated in a different order by each backend, so they
 * agree only up to float rounding: the reference ({@code scalar}) adds in index order in float.
 * Activations using {@code exp} agree within a few ulp. NaN propagates: any NaN input makes the
 * corresponding output (or the whole reduction, or the whole softmax row) NaN. Activations take
 * their limits at infinity: {@code relu(+inf) = +inf}, {@code silu(-inf) = gelu(-inf) = 0}, and
 * {@code swish} gives 0 wherever {@code beta * x} is {@code -inf}.
 */
public interface VectorOps {
    /** {@code out[i] = a[i] + b[i]} for {@code i < n}. */
    default void add(float[] a, float[] b, float[] out, int n) {
        add(a, 0, b, 0, out, 0, n);
    }

    /** {@code out[outOff + i] = a[aOff + i] + b[bOff + i]} for {@code i < n}. */
    void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] * b[i]} for {@code i < n}. */
    default void mul(float[] a, float[] b, float[] out, int n) {
        mul(a, 0, b, 0, out, 0, n);
    }

    /** {@code out[outOff + i] = a[aOff + i] * b[bOff + i]} for {@code i < n}. */
    void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] * s} for {@code i < n}. */
    default void scale(float[] a, float s, float[] out, int n) {
        scale(a, 0, s, out, 0, n);
    }

    /** {@code out[outOff + i] = a[aOff + i] * s} for {@code i < n}. */
    void scale(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /**
     * {@code out[i] = f(a[i])} for {@code i < n}. An arbitrary function cannot be vectorised, so
     * every backend calls {@code f} once per element ({@code parallel} from several threads at once:
     * {@code f} must be thread-safe).
     */
    default void map(float[] a, FloatUnaryOperator f, float[] out, int n) {
        map(a, 0, f, out, 0, n);
    }

    /** {@code out[outOff + i] = f(a[aOff + i])} for {@code i < n}; see {@link #map(float[], FloatUnaryOperator, float[], int)}. */
    void map(float[] a, int aOff, FloatUnaryOperator f, float[] out, int outOff, int n);

    /**
     * Sum of {@code a[off .. off+n)}; 0 for {@code n == 0}. Accumulation order may differ between
     * backends (see the class comment); for a given backend and thread count the result is always
     * the same.
     */
    float sum(float[] a, int off, int n);

    /**
     * Largest of {@code a[off .. off+n)}; {@code -Infinity} for {@code n == 0}; NaN if any is NaN.
     * As {@link Math#max(float, float)}, {@code +0.0} is larger than {@code -0.0}.
     */
    float max(float[] a, int off, int n);

    /** Mean of {@code a[off .. off+n)}: {@code sum / n}; NaN for {@code n == 0}. */
    float mean(float[] a, int off, int n);

    /** {@code out[i] = max(x[i], 0)}; NaN stays NaN. */
    default void relu(float[] x, float[] out, int n) {
        relu(x, 0, out, 0, n);
    }

    /** ReLU on {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}. */
    void relu(float[] x, int xOff, float[] out, int outOff, int n);

    /**
     * GELU, tanh form: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}, which equals {@code
     * x * sigmoid(2 sqrt(2/pi) (x + 0.044715 x^3))}. {@code gelu(-inf) = 0}, {@code gelu(+inf) =
     * +inf}.
     */
    default void gelu(float[] x, float[] out, int n) {
        gelu(x, 0, out, 0, n);
    }

    /** GELU on {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}. */
    void gelu(float[] x, int xOff, float[] out, int outOff, int n);

    /** SiLU: {@code x * sigmoid(x)}; {@code silu(-inf) = 0}. */
    default void silu(float[] x, float[] out, int n) {
        silu(x, 0, out, 0, n);
    }

    /** SiLU on {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}. */
    void silu(float[] x, int xOff, float[] out, int outOff, int n);

    /** Swish with parameter beta: {@code x * sigmoid(beta x)}; 0 where {@code beta x == -inf}. */
    default void swish(float[] x, float beta, float[] out, int n) {
        swish(x, 0, beta, out, 0, n);
    }

    /** Swish on {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}. */
    void swish(float[] x, int xOff, float beta, float[] out, int outOff, int n);

    /** ReLU squared: {@code max(x, 0)^2}; NaN stays NaN. */
    default void relu2(float[] x, float[] out, int n) {
        relu2(x, 0, out, 0, n);
    }

    /** ReLU squared on {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}. */
    void relu2(float[] x, int xOff, float[] out, int outOff, int n);

    /**
     * Numerically stable softmax of {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}: the row
     * maximum is subtracted before exponentiation, so large inputs do not overflow, and the outputs
     * sum to 1 up to rounding.
     *
     * <p>Edge cases: a row containing NaN gives a row of NaN. A row containing {@code +inf} takes
     * the limit: the {@code k} elements equal to {@code +inf} get {@code 1/k} each and every other
     * element 0. Elements equal to {@code -inf} get 0; a row of only {@code -inf} has no finite
     * information and gives NaN (as {@code -inf - -inf} does).
     */
    void softmax(float[] x, int xOff, float[] out, int outOff, int n);

    /**
     * RMSNorm of one row: {@code out[i] = (x[i] * r) * weight[i]} with {@code r = 1 /
     * sqrt(mean(x^2) + eps)}, the mean of squares accumulated in float.
     *
     * @param weight per-element gain, {@code weight[0 .. n)}
     * @param eps added to the mean of squares (typically 1e-5 or 1e-6); with {@code eps == 0} a row
     *     of zeros gives NaN
     */
    void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n);

    /**
     * Rotary position embedding, NEOX layout, in place on {@code nHeads} consecutive heads of
     * {@code headDim} floats starting at {@code x[off]}: within each head, element {@code i} and
     * {@code i + headDim/2} (for {@code i < headDim/2}) form the pair {@code (x0, x1)} rotated by
     * angle {@code theta_i = pos * freqBase^(-2i/headDim)}:
     * {@code x0' = x0 cos - x1 sin, x1' = x0 sin + x1 cos}.
     *
     * <p>The angle, its cosine and its sine are computed in double and rounded to float once per
     * pair; the rotation itself is float arithmetic without fused multiply-add. Every backend does
     * exactly this, so all backends give the same bits.
     *
     * @param nHeads number of heads, {@code >= 0}
     * @param headDim even head dimension, {@code >= 2}
     * @param pos token position (any int; at 0 every angle is 0, so finite x are unchanged)
     * @param freqBase the RoPE base (10000 in Llama, 500000 in Llama 3), finite and {@code > 0}
     */
    void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase);

    /**
     * Scaled dot products of one vector with {@code count} rows: {@code out[outOff + j] = scale *
     * (x[xOff .. xOff + n) . rows[rowsOff + j * stride .. + n))} (attention scores over a KV cache).
     *
     * @throws IllegalArgumentException if {@code count} or {@code n} is negative, {@code stride < n},
     *     or an array is too short
     */
    void dotRows(
            float[] x,
            int xOff,
            float[] rows,
            int rowsOff,
            int stride,
            int count,
            int n,
            float scale,
            float[] out,
            int outOff);

    /**
     * The weighted sum of {@code count} rows: {@code out[outOff .. + n) = sum_j w[wOff + j] *
     * rows[rowsOff + j * stride .. + n)} (attention output from probabilities and cached values);
     * {@code count == 0} gives zeros.
     *
     * @throws IllegalArgumentException as {@link #dotRows}
     */
    void weightedRowSum(
            float[] w, int wOff, float[] rows, int rowsOff, int stride, int count, int n, float[] out, int outOff);
}
