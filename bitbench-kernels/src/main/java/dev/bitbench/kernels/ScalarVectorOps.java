package dev.bitbench.kernels;

import java.util.Objects;

/**
 * The reference {@link VectorOps}: plain loops in index order, float arithmetic, {@code exp} and
 * {@code tanh} from {@link Math} in double rounded once to float. Every other backend is tested
 * against this one.
 *
 * <p>The argument checks shared by every backend live here too, so that all backends reject the
 * same arguments with the same messages.
 */
final class ScalarVectorOps implements VectorOps {
    /** {@code sqrt(2 / pi)}, the GELU tanh-form constant. */
    static final double GELU_C = Math.sqrt(2.0 / Math.PI);

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("add", a, aOff, b, bOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("mul", a, aOff, b, bOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        checkUnary("scale", a, aOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] * s;
        }
    }

    @Override
    public void map(float[] a, int aOff, FloatUnaryOperator f, float[] out, int outOff, int n) {
        Objects.requireNonNull(f, "f");
        checkUnary("map", a, aOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = f.apply(a[aOff + i]);
        }
    }

    @Override
    public float sum(float[] a, int off, int n) {
        checkRange("sum", "a", a, off, n);
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @Override
    public float max(float[] a, int off, int n) {
        checkRange("max", "a", a, off, n);
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, a[off + i]); // Math.max propagates NaN
        }
        return m;
    }

    @Override
    public float mean(float[] a, int off, int n) {
        return sum(a, off, n) / n;
    }

    @Override
    public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("relu", x, xOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    @Override
    public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("gelu", x, xOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = gelu(x[xOff + i]);
        }
    }

    @Override
    public void silu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("silu", x, xOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = swish(x[xOff + i], 1f);
        }
    }

    @Override
    public void swish(float[] x, int xOff, float beta, float[] out, int outOff, int n) {
        checkUnary("swish", x, xOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = swish(x[xOff + i], beta);
        }
    }

    @Override
    public void relu2(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("relu2", x, xOff, out, outOff, n);
        for (int i = 0; i < n; i++) {
            float r = Math.max(x[xOff + i], 0f);
            out[outOff + i] = r * r;
        }
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("softmax", x, xOff, out, outOff, n);
        float max = max(x, xOff, n);
        if (max == Float.POSITIVE_INFINITY) {
            softmaxWithInfinity(x, xOff, out, outOff, n);
            return;
        }
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[xOff + i] - max);
            out[outOff + i] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int i = 0; i < n; i++) {
            out[outOff + i] *= inv;
        }
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        checkUnary("rmsNorm", x, xOff, out, outOff, n);
        checkRange("rmsNorm", "weight", weight, 0, n);
        float sumSq = 0f;
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            sumSq += v * v;
        }
        float r = rmsScale(sumSq, n, eps);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (x[xOff + i] * r) * weight[i];
        }
    }

    @Override
    public void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        checkRope(x, off, nHeads, headDim, freqBase);
        int half = headDim / 2;
        for (int h = 0; h < nHeads; h++) {
            int base = off + h * headDim;
            for (int i = 0; i < half; i++) {
                double theta = ropeAngle(pos, i, headDim, freqBase);
                float cos = (float) Math.cos(theta);
                float sin = (float) Math.sin(theta);
                float x0 = x[base + i];
                float x1 = x[base + i + half];
                x[base + i] = x0 * cos - x1 * sin;
                x[base + i + half] = x0 * sin + x1 * cos;
            }
        }
    }

    // ---- scalar definitions shared with the other backends' tails and special cases ----

    /**
     * GELU of one value, evaluated in double and rounded once. It uses the identity {@code 0.5 (1 +
     * tanh(u)) = 1 / (1 + exp(-2u))}: the tanh form as written cancels catastrophically for
     * negative x (1 + tanh(u) loses every digit once u < -19), the sigmoid form does not.
     */
    static float gelu(float x) {
        double u = GELU_C * (x + 0.044715 * x * x * x);
        if (u == Double.NEGATIVE_INFINITY) {
            return 0f; // the limit; the formula would give -inf / inf
        }
        return (float) (x / (1.0 + Math.exp(-2.0 * u)));
    }

    /** {@code x * sigmoid(beta x)} for one value, evaluated in double and rounded once. */
    static float swish(float x, float beta) {
        double z = (double) beta * x;
        if (z == Double.NEGATIVE_INFINITY) {
            return 0f; // the limit; x * sigmoid(z) would be inf * 0
        }
        return (float) (x / (1.0 + Math.exp(-z)));
    }

    /** The RoPE angle of pair {@code i} at position {@code pos}, in double. */
    static double ropeAngle(int pos, int i, int headDim, float freqBase) {
        return pos * Math.pow(freqBase, -2.0 * i / headDim);
    }

    /** {@code 1 / sqrt(sumSq / n + eps)}, in float as every backend computes it. */
    static float rmsScale(float sumSq, int n, float eps) {
        return (float) (1.0 / Math.sqrt(sumSq / n + eps));
    }

    /**
     * Softmax of a row whose maximum is {@code +inf}: the limit, {@code 1/k} for each of the
     * {@code k} infinite elements and 0 elsewhere. NaN cannot occur here (the maximum would be NaN).
     */
    static void softmaxWithInfinity(float[] x, int xOff, float[] out, int outOff, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (x[xOff + i] == Float.POSITIVE_INFINITY) {
                k++;
            }
        }
        float share = 1f / k;
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] == Float.POSITIVE_INFINITY ? share : 0f;
        }
    }

    // ---- argument checks shared by every backend ----

    static void checkBinary(String op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkRange(op, "a", a, aOff, n);
        checkRange(op, "b", b, bOff, n);
        checkRange(op, "out", out, outOff, n);
    }

    static void checkUnary(String op, float[] x, int xOff, float[] out, int outOff, int n) {
        checkRange(op, "input", x, xOff, n);
        checkRange(op, "out", out, outOff, n);
    }

    /**
     * Checks that {@code array[off .. off+n)} exists.
     *
     * @throws IllegalArgumentException naming the array, its length and the end of the range
     */
    static void checkRange(String op, String name, float[] array, int off, int n) {
        Objects.requireNonNull(array, name);
        if (n < 0) {
            throw new IllegalArgumentException(op + ": n must be >= 0, got " + n);
        }
        if (off < 0) {
            throw new IllegalArgumentException(op + ": offset of " + name + " must be >= 0, got " + off);
        }
        if ((long) off + n > array.length) {
            throw new IllegalArgumentException(op + ": " + name + " has length " + array.length
                    + " but the range needs " + ((long) off + n) + " (offset " + off + " + n " + n + ")");
        }
    }

    static void checkRope(float[] x, int off, int nHeads, int headDim, float freqBase) {
        if (headDim < 2 || headDim % 2 != 0) {
            throw new IllegalArgumentException("rope: headDim must be even and >= 2, got " + headDim);
        }
        if (nHeads < 0) {
            throw new IllegalArgumentException("rope: nHeads must be >= 0, got " + nHeads);
        }
        if (!(freqBase > 0f) || Float.isInfinite(freqBase)) {
            throw new IllegalArgumentException("rope: freqBase must be finite and > 0, got " + freqBase);
        }
        long n = (long) nHeads * headDim;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rope: nHeads * headDim = " + n + " is too large");
        }
        checkRange("rope", "x", x, off, (int) n);
    }

    @Override
    public void dotRows(
            float[] x,
            int xOff,
            float[] rows,
            int rowsOff,
            int stride,
            int count,
            int n,
            float scale,
            float[] out,
            int outOff) {
        AttentionKernels.check("dotRows", x, xOff, rows, rowsOff, stride, count, n, out, outOff, count);
        AttentionKernels.dotRowsScalar(x, xOff, rows, rowsOff, stride, count, n, scale, out, outOff);
    }

    @Override
    public void weightedRowSum(
            float[] w, int wOff, float[] rows, int rowsOff, int stride, int count, int n, float[] out, int outOff) {
        AttentionKernels.check("weightedRowSum", w, wOff, rows, rowsOff, stride, count, n, out, outOff, n);
        AttentionKernels.weightedRowSumScalar(w, wOff, rows, rowsOff, stride, count, n, out, outOff);
    }
}
