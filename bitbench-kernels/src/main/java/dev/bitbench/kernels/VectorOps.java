package dev.bitbench.kernels;

/**
 * Elementwise operations, reductions, activations and the row operations of a transformer layer,
 * on row-major {@code float[]} data.
 *
 * <p>Whole-array operations work on the first {@code n} elements; row operations take an offset so
 * they can work on one row of a larger buffer without copying. Output arrays may be the same array
 * as an input (in-place) unless a method says otherwise. Lengths are checked: an array shorter
 * than the range it is asked for gives {@link IllegalArgumentException}. NaN and infinity propagate
 * as IEEE 754 arithmetic does.
 */
public interface VectorOps {
    /** {@code out[i] = a[i] + b[i]} for {@code i < n}. */
    void add(float[] a, float[] b, float[] out, int n);

    /** {@code out[i] = a[i] * b[i]} for {@code i < n}. */
    void mul(float[] a, float[] b, float[] out, int n);

    /** {@code out[i] = a[i] * s} for {@code i < n}. */
    void scale(float[] a, float s, float[] out, int n);

    /** {@code out[i] = f(a[i])} for {@code i < n}. */
    void map(float[] a, FloatUnaryOperator f, float[] out, int n);

    /** Sum of {@code a[off .. off+n)}; 0 for {@code n == 0}. Accumulation order may differ. */
    float sum(float[] a, int off, int n);

    /** Largest of {@code a[off .. off+n)}; {@code -Infinity} for {@code n == 0}; NaN if any is NaN. */
    float max(float[] a, int off, int n);

    /** Mean of {@code a[off .. off+n)}; NaN for {@code n == 0}. */
    float mean(float[] a, int off, int n);

    /** {@code out[i] = max(x[i], 0)}. */
    void relu(float[] x, float[] out, int n);

    /** GELU, tanh form: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    void gelu(float[] x, float[] out, int n);

    /** SiLU: {@code x * sigmoid(x)}. */
    void silu(float[] x, float[] out, int n);

    /** Swish with parameter beta: {@code x * sigmoid(beta x)}. */
    void swish(float[] x, float beta, float[] out, int n);

    /** ReLU squared: {@code max(x, 0)^2}. */
    void relu2(float[] x, float[] out, int n);

    /**
     * Numerically stable softmax of {@code x[xOff .. xOff+n)} into {@code out[outOff ..)}: the row
     * maximum is subtracted before exponentiation, so large inputs do not overflow.
     */
    void softmax(float[] x, int xOff, float[] out, int outOff, int n);

    /**
     * RMSNorm of one row: {@code out[i] = x[i] / sqrt(mean(x^2) + eps) * weight[i]}.
     *
     * @param weight per-element gain, length at least {@code n}
     */
    void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n);

    /**
     * Rotary position embedding, NEOX layout, in place on {@code nHeads} consecutive heads of
     * {@code headDim} floats starting at {@code x[off]}: within each head, element {@code i} and
     * {@code i + headDim/2} form a pair rotated by angle {@code pos * freqBase^(-2i/headDim)}.
     *
     * @param headDim even head dimension
     */
    void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase);
}
