package dev.bitbench.kernels;

import java.util.Objects;

/**
 * A named set of kernel implementations, chosen at run time by name through {@link Backends}.
 *
 * <p>{@code scalar} is the readable reference every other backend is tested against; {@code simd}
 * uses the Vector API on one thread; {@code parallel} runs the {@code simd} kernels split over
 * cores.
 *
 * @param name the stable backend name used in benchmark ids ({@code scalar}, {@code simd}, {@code
 *     parallel})
 * @param vector elementwise ops, reductions, activations, softmax, RMSNorm and RoPE
 * @param matrix dense matrix products (GEMM, GEMM with B transposed, GEMV)
 * @param ternary BitLinear products on packed ternary weights
 */
public record Backend(String name, VectorOps vector, MatrixOps matrix, TernaryOps ternary) {
    public Backend {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(ternary, "ternary");
    }

    @Override
    public String toString() {
        return name;
    }
}
