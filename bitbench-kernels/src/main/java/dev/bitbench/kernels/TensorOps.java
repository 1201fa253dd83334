package dev.bitbench.kernels;

import java.util.Objects;

/**
 * The kernels of one {@link Backend} on {@link Tensor}s: shapes are checked here, then the work is
 * delegated to {@link Backend#vector()} or {@link Backend#matrix()}.
 *
 * <p>Each operation comes in two forms: one returns a new tensor, the other writes into a given
 * output tensor (which may be an input, for in-place work). Row operations ({@code softmax},
 * {@code rmsNorm}, {@code rope}) work on the last axis, once per row. A shape mismatch gives
 * {@link IllegalArgumentException} whose message names the operation and both shapes.
 *
 * <p>{@link MatrixOps} works on whole arrays from index 0, so the matrix products copy an operand
 * that is a view at a non-zero offset into a compact array first (and copy the result back into
 * such an output); tensors that own their data, or views of the first rows, are used as they are.
 */
public final class TensorOps {
    private final Backend backend;
    private final VectorOps vector;
    private final MatrixOps matrix;

    public TensorOps(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.vector = backend.vector();
        this.matrix = backend.matrix();
    }

    /** The backend every operation runs on. */
    public Backend backend() {
        return backend;
    }

    // ---- elementwise ----

    /** {@code a + b}, elementwise, into a new tensor. */
    public Tensor add(Tensor a, Tensor b) {
        Tensor out = Tensor.zeros(a.shape());
        add(a, b, out);
        return out;
    }

    /** {@code out = a + b}, elementwise; all three of one shape. */
    public void add(Tensor a, Tensor b, Tensor out) {
        requireSameShape("add", a, b, out);
        vector.add(a.data(), a.offset(), b.data(), b.offset(), out.data(), out.offset(), a.size());
    }

    /** {@code a * b}, elementwise, into a new tensor. */
    public Tensor mul(Tensor a, Tensor b) {
        Tensor out = Tensor.zeros(a.shape());
        mul(a, b, out);
        return out;
    }

    /** {@code out = a * b}, elementwise; all three of one shape. */
    public void mul(Tensor a, Tensor b, Tensor out) {
        requireSameShape("mul", a, b, out);
        vector.mul(a.data(), a.offset(), b.data(), b.offset(), out.data(), out.offset(), a.size());
    }

    /** {@code a * s} into a new tensor. */
    public Tensor scale(Tensor a, float s) {
        Tensor out = Tensor.zeros(a.shape());
        scale(a, s, out);
        return out;
    }

    /** {@code out = a * s}. */
    public void scale(Tensor a, float s, Tensor out) {
        requireSameShape("scale", a, out);
        vector.scale(a.data(), a.offset(), s, out.data(), out.offset(), a.size());
    }

    /** {@code f} applied to every element, into a new tensor. */
    public Tensor map(Tensor a, FloatUnaryOperator f) {
        Tensor out = Tensor.zeros(a.shape());
        map(a, f, out);
        return out;
    }

    /** {@code out = f(a)}, elementwise. */
    public void map(Tensor a, FloatUnaryOperator f, Tensor out) {
        requireSameShape("map", a, out);
        vector.map(a.data(), a.offset(), f, out.data(), out.offset(), a.size());
    }

    // ---- reductions over every element ----

    /** The sum of every element; 0 for an empty tensor. */
    public float sum(Tensor a) {
        return vector.sum(a.data(), a.offset(), a.size());
    }

    /** The largest element; {@code -inf} for an empty tensor, NaN if any element is NaN. */
    public float max(Tensor a) {
        return vector.max(a.data(), a.offset(), a.size());
    }

    /** The mean of every element; NaN for an empty tensor. */
    public float mean(Tensor a) {
        return vector.mean(a.data(), a.offset(), a.size());
    }

    // ---- activations ----

    /** ReLU into a new tensor. */
    public Tensor relu(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        relu(x, out);
        return out;
    }

    /** {@code out = relu(x)}. */
    public void relu(Tensor x, Tensor out) {
        requireSameShape("relu", x, out);
        vector.relu(x.data(), x.offset(), out.data(), out.offset(), x.size());
    }

    /** GELU (tanh form) into a new tensor. */
    public Tensor gelu(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        gelu(x, out);
        return out;
    }

    /** {@code out = gelu(x)}. */
    public void gelu(Tensor x, Tensor out) {
        requireSameShape("gelu", x, out);
        vector.gelu(x.data(), x.offset(), out.data(), out.offset(), x.size());
    }

    /** SiLU into a new tensor. */
    public Tensor silu(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        silu(x, out);
        return out;
    }

    /** {@code out = silu(x)}. */
    public void silu(Tensor x, Tensor out) {
        requireSameShape("silu", x, out);
        vector.silu(x.data(), x.offset(), out.data(), out.offset(), x.size());
    }

    /** Swish with parameter {@code beta} into a new tensor. */
    public Tensor swish(Tensor x, float beta) {
        Tensor out = Tensor.zeros(x.shape());
        swish(x, beta, out);
        return out;
    }

    /** {@code out = x * sigmoid(beta x)}. */
    public void swish(Tensor x, float beta, Tensor out) {
        requireSameShape("swish", x, out);
        vector.swish(x.data(), x.offset(), beta, out.data(), out.offset(), x.size());
    }

    /** ReLU squared into a new tensor. */
    public Tensor relu2(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        relu2(x, out);
        return out;
    }

    /** {@code out = relu(x)^2}. */
    public void relu2(Tensor x, Tensor out) {
        requireSameShape("relu2", x, out);
        vector.relu2(x.data(), x.offset(), out.data(), out.offset(), x.size());
    }

    // ---- row operations (last axis) ----

    /** Softmax of every row (last axis) into a new tensor. */
    public Tensor softmax(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        softmax(x, out);
        return out;
    }

    /** {@code out = softmax(x)} per row (last axis); see {@link VectorOps#softmax} for edge cases. */
    public void softmax(Tensor x, Tensor out) {
        requireSameShape("softmax", x, out);
        int cols = x.cols();
        for (int r = 0, rows = x.rows(); r < rows; r++) {
            vector.softmax(x.data(), x.offset() + r * cols, out.data(), out.offset() + r * cols, cols);
        }
    }

    /** RMSNorm of every row (last axis) with gain {@code weight}, into a new tensor. */
    public Tensor rmsNorm(Tensor x, Tensor weight, float eps) {
        Tensor out = Tensor.zeros(x.shape());
        rmsNorm(x, weight, eps, out);
        return out;
    }

    /**
     * {@code out = rmsNorm(x) * weight} per row (last axis).
     *
     * @param weight rank 1, of the length of a row of {@code x}
     */
    public void rmsNorm(Tensor x, Tensor weight, float eps, Tensor out) {
        requireSameShape("rmsNorm", x, out);
        int cols = x.cols();
        if (weight.rank() != 1 || weight.size() != cols) {
            throw new IllegalArgumentException("rmsNorm: weight must have shape [" + cols + "] for x of shape "
                    + x.shapeString() + ", got " + weight.shapeString());
        }
        float[] w = weight.offset() == 0 ? weight.data() : weight.toArray();
        for (int r = 0, rows = x.rows(); r < rows; r++) {
            vector.rmsNorm(x.data(), x.offset() + r * cols, w, eps, out.data(), out.offset() + r * cols, cols);
        }
    }

    /**
     * RoPE (NEOX layout), in place: every row of {@code x} (last axis, the head dimension) is one
     * head at position {@code pos}; a {@code [nHeads, headDim]} tensor is the usual case.
     */
    public void rope(Tensor x, int pos, float freqBase) {
        vector.rope(x.data(), x.offset(), x.rows(), x.cols(), pos, freqBase);
    }

    // ---- matrix products ----

    /** {@code A[m, k] . B[k, n]} into a new {@code [m, n]} tensor. */
    public Tensor matmul(Tensor a, Tensor b) {
        requireMatrix("matmul", "a", a);
        requireMatrix("matmul", "b", b);
        Tensor c = Tensor.zeros(a.dim(0), b.dim(1));
        matmul(a, b, c);
        return c;
    }

    /** {@code C[m, n] = A[m, k] . B[k, n]}. */
    public void matmul(Tensor a, Tensor b, Tensor c) {
        requireMatrix("matmul", "a", a);
        requireMatrix("matmul", "b", b);
        requireMatrix("matmul", "c", c);
        int m = a.dim(0);
        int k = a.dim(1);
        int n = b.dim(1);
        if (b.dim(0) != k) {
            throw new IllegalArgumentException(
                    "matmul: inner dimensions differ: a is " + a.shapeString() + ", b is " + b.shapeString());
        }
        if (c.dim(0) != m || c.dim(1) != n) {
            throw new IllegalArgumentException("matmul: c must be [" + m + ", " + n + "] for a " + a.shapeString()
                    + " and b " + b.shapeString() + ", got " + c.shapeString());
        }
        float[] cData = compactOutput(c);
        matrix.gemm(compact(a), compact(b), cData, m, n, k);
        copyBack(cData, c);
    }

    /** {@code A[m, k] . B^T} with {@code B} stored as {@code [n, k]}, into a new {@code [m, n]} tensor. */
    public Tensor matmulTransB(Tensor a, Tensor b) {
        requireMatrix("matmulTransB", "a", a);
        requireMatrix("matmulTransB", "b", b);
        Tensor c = Tensor.zeros(a.dim(0), b.dim(0));
        matmulTransB(a, b, c);
        return c;
    }

    /** {@code C[m, n] = A[m, k] . B^T} with {@code B} stored as {@code [n, k]}. */
    public void matmulTransB(Tensor a, Tensor b, Tensor c) {
        requireMatrix("matmulTransB", "a", a);
        requireMatrix("matmulTransB", "b", b);
        requireMatrix("matmulTransB", "c", c);
        int m = a.dim(0);
        int k = a.dim(1);
        int n = b.dim(0);
        if (b.dim(1) != k) {
            throw new IllegalArgumentException("matmulTransB: a is " + a.shapeString() + ", b is " + b.shapeString()
                    + "; b must be [n, " + k + "]");
        }
        if (c.dim(0) != m || c.dim(1) != n) {
            throw new IllegalArgumentException("matmulTransB: c must be [" + m + ", " + n + "] for a " + a.shapeString()
                    + " and b " + b.shapeString() + ", got " + c.shapeString());
        }
        float[] cData = compactOutput(c);
        matrix.gemmTransB(compact(a), compact(b), cData, m, n, k);
        copyBack(cData, c);
    }

    /** {@code A[m, k] . x[k]} into a new {@code [m]} tensor. */
    public Tensor gemv(Tensor a, Tensor x) {
        requireMatrix("gemv", "a", a);
        Tensor y = Tensor.zeros(a.dim(0));
        gemv(a, x, y);
        return y;
    }

    /** {@code y[m] = A[m, k] . x[k]}. */
    public void gemv(Tensor a, Tensor x, Tensor y) {
        requireMatrix("gemv", "a", a);
        int m = a.dim(0);
        int k = a.dim(1);
        if (x.rank() != 1 || x.size() != k) {
            throw new IllegalArgumentException(
                    "gemv: x must be [" + k + "] for a " + a.shapeString() + ", got " + x.shapeString());
        }
        if (y.rank() != 1 || y.size() != m) {
            throw new IllegalArgumentException(
                    "gemv: y must be [" + m + "] for a " + a.shapeString() + ", got " + y.shapeString());
        }
        float[] yData = compactOutput(y);
        matrix.gemv(compact(a), compact(x), yData, m, k);
        copyBack(yData, y);
    }

    // ---- checks and copies ----

    private static void requireSameShape(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op + ": shapes differ: " + a.shapeString() + " and " + b.shapeString());
        }
    }

    private static void requireSameShape(String op, Tensor a, Tensor b, Tensor out) {
        requireSameShape(op, a, b);
        if (!a.sameShape(out)) {
            throw new IllegalArgumentException(
                    op + ": output shape " + out.shapeString() + " differs from input shape " + a.shapeString());
        }
    }

    private static void requireMatrix(String op, String name, Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException(
                    op + ": " + name + " must be a matrix (rank 2), shape is " + t.shapeString());
        }
    }

    /** The tensor's elements in an array starting at index 0: its own data when it already is. */
    private static float[] compact(Tensor t) {
        return t.offset() == 0 ? t.data() : t.toArray();
    }

    private static float[] compactOutput(Tensor t) {
        return t.offset() == 0 ? t.data() : new float[t.size()];
    }

    private static void copyBack(float[] result, Tensor t) {
        if (result != t.data()) {
            System.arraycopy(result, 0, t.data(), t.offset(), t.size());
        }
    }
}
