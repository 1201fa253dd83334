package dev.bitbench.inference.model;

import dev.bitbench.kernels.TernaryOps;
import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;

/**
 * A ternary linear in {@link NumericsMode#LLAMA_CPP} numerics: the weight split into column
 * blocks of 256 (one packed matrix each, so the kernels give the integer dot of every block), and
 * activations quantized per block as ggml's {@code quantize_row_q8_K_ref}. Output {@code y[t][r] =
 * sum_b (float) dot_b(r, t) * (d_x(t, b) * d_w(r))}, accumulated in float in block order as ggml's
 * {@code ggml_vec_dot_tq2_0_q8_K} does. Not thread-safe (scratch buffers).
 */
final class BlockQuantizedLinear {
    static final int BLOCK = 256;

    private final PackedTernaryMatrix[] slices;
    private final float[] rowScales;
    private final int rows;
    private final int cols;
    private final int[] dots;

    BlockQuantizedLinear(PackedTernaryMatrix w) {
        rows = w.rows();
        cols = w.cols();
        if (cols % BLOCK != 0) {
            throw new IllegalArgumentException("columns must be a multiple of 256, got " + w.shape());
        }
        byte[] trits = w.unpack();
        int nb = cols / BLOCK;
        slices = new PackedTernaryMatrix[nb];
        byte[] slice = new byte[rows * BLOCK];
        for (int b = 0; b < nb; b++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(trits, r * cols + b * BLOCK, slice, r * BLOCK, BLOCK);
            }
            slices[b] = PackedTernaryMatrix.pack(slice, rows, BLOCK, 1f);
        }
        rowScales = new float[rows];
        for (int r = 0; r < rows; r++) {
            rowScales[r] = w.scale(r);
        }
        dots = new int[rows];
    }

    int blocks() {
        return slices.length;
    }

    /**
     * {@code y[t * rows + r]} for {@code t < n}; {@code blocks[b]} holds block {@code b} of every
     * token ({@code [n x 256]} codes) with the per-token block scales in {@code blockScales[t *
     * blocks() + b]}.
     */
    void forward(TernaryOps ops, Int8Activations[] blocks, float[] blockScales, int n, float[] y) {
        int nb = slices.length;
        for (int t = 0; t < n; t++) {
            int yOff = t * rows;
            java.util.Arrays.fill(y, yOff, yOff + rows, 0f);
            for (int b = 0; b < nb; b++) {
                ops.ternaryDots(slices[b], blocks[b], t, dots);
                float dx = blockScales[t * nb + b];
                for (int r = 0; r < rows; r++) {
                    y[yOff + r] += (float) dots[r] * (dx * rowScales[r]);
                }
            }
        }
    }

    /**
     * ggml's {@code quantize_row_q8_K_ref} for one block of 256: {@code d = max / -127} with {@code
     * max} the value of largest magnitude (first one on a tie), codes {@code min(127, rint(x *
     * (-127 / max)))}; an all-zero block gets {@code d = 0} and codes 0.
     *
     * @return the block scale {@code d}
     */
    static float quantizeQ8K(float[] x, int xOff, byte[] q, int qOff) {
        float max = 0f;
        float amax = 0f;
        for (int j = 0; j < BLOCK; j++) {
            float ax = Math.abs(x[xOff + j]);
            if (ax > amax) {
                amax = ax;
                max = x[xOff + j];
            }
        }
        if (amax == 0f) {
            java.util.Arrays.fill(q, qOff, qOff + BLOCK, (byte) 0);
            return 0f;
        }
        float iscale = -127f / max;
        for (int j = 0; j < BLOCK; j++) {
            int v = (int) Math.rint(iscale * x[xOff + j]);
            q[qOff + j] = (byte) Math.min(127, v);
        }
        return 1f / iscale;
    }
}
