package dev.bitbench.kernels;

/**
 * Argument checks shared by every {@link MatrixOps} backend: dimensions are non-negative and each
 * array holds at least as many elements as its dimensions say. Messages name the operation, the
 * dimensions and the array length.
 */
final class MatrixShapes {
    private MatrixShapes() {}

    /** Checks {@code a[m x k]}, {@code b[k x n]} (or {@code [n x k]}) and {@code c[m x n]}. */
    static void checkGemm(String op, float[] a, float[] b, float[] c, int m, int n, int k, boolean transB) {
        checkDims(op, m, n, k);
        checkLength(op, "a", lengthOf(a), m, k, "m*k");
        checkLength(op, "b", lengthOf(b), transB ? n : k, transB ? k : n, transB ? "n*k" : "k*n");
        checkLength(op, "c", lengthOf(c), m, n, "m*n");
    }

    /** Checks {@code a[m x k]}, {@code x[k]} and {@code y[m]}; {@code aLength} is {@code a}'s length. */
    static void checkGemv(String op, int aLength, float[] x, float[] y, int m, int k) {
        checkDims(op, m, 0, k);
        checkLength(op, "a", aLength, m, k, "m*k");
        checkLength(op, "x", lengthOf(x), 1, k, "k");
        checkLength(op, "y", lengthOf(y), 1, m, "m");
    }

    /** The length of {@code array}, throwing a clear message for {@code null}. */
    static int lengthOf(float[] array) {
        if (array == null) {
            throw new IllegalArgumentException("array is null");
        }
        return array.length;
    }

    /** The length of {@code array}, throwing a clear message for {@code null}. */
    static int lengthOf(short[] array) {
        if (array == null) {
            throw new IllegalArgumentException("array is null");
        }
        return array.length;
    }

    private static void checkDims(String op, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": dimensions must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
    }

    private static void checkLength(String op, String name, int length, int rows, int cols, String formula) {
        long needed = (long) rows * cols;
        if (length < needed) {
            throw new IllegalArgumentException(op + ": " + name + ".length " + length + " < " + formula + " = " + rows
                    + "*" + cols + " = " + needed);
        }
    }
}
