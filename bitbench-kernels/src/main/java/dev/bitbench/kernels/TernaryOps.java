package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;

/**
 * BitLinear products: int8 activations times packed ternary weights, with the scales applied once
 * per output. Weights {@code W} are {@code [M x K]} ({@link PackedTernaryMatrix}), activations
 * {@code X} are {@code [T x K]} ({@link Int8Activations}); the kernels read the packed codes in
 * place and never unpack the matrix.
 *
 * <p>Every backend computes the integer dot products {@code dot(r, t) = sum_c W[r][c] * X[t][c]}
 * exactly (int arithmetic cannot overflow for {@code K < 2^23}) and then the output {@code (float)
 * dot(r, t) * (w.scale(r) * x.scale(t))}, in that order, so all backends give bit-identical
 * results. A shape mismatch or a too-short output gives {@link IllegalArgumentException} naming both
 * shapes. {@code M}, {@code K} or {@code T} of 0 are valid.
 */
public interface TernaryOps {
    /**
     * Integer dot products for one token: {@code dots[r] = sum_c W[r][c] * X[token][c]} for {@code r
     * < M}.
     *
     * @param dots output, length at least {@code M}
     */
    void ternaryDots(PackedTernaryMatrix w, Int8Activations x, int token, int[] dots);

    /**
     * BitLinear of one token (GEMV): {@code y[yOff + r] = dot(r, token) * (w.scale(r) *
     * x.scale(token))} for {@code r < M}.
     */
    void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff);

    /**
     * BitLinear of every token (GEMM): {@code y[t * M + r] = dot(r, t) * (w.scale(r) * x.scale(t))}
     * for {@code t < T}, {@code r < M}.
     *
     * @param y output, row-major {@code [T x M]}, length at least {@code T * M}
     */
    void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y);
}
