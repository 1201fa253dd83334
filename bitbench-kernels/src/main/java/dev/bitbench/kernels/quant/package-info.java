/**
 * Weight quantization: ternary (BitNet b1.58 absmean), INT8 symmetric and asymmetric, INT4 and
 * FP16, per tensor or per output channel.
 *
 * <p>Pick a {@link dev.bitbench.kernels.quant.QuantScheme}, take its {@link
 * dev.bitbench.kernels.quant.Quantizer}, and quantize a row-major {@code [rows x cols]} {@code
 * float[]} into an immutable {@link dev.bitbench.kernels.quant.QuantizedMatrix}; that matrix knows
 * its storage size ({@code bytesUsed}, {@code memoryReduction}) and dequantizes itself. {@link
 * dev.bitbench.kernels.quant.QuantError#between} compares any reconstruction with its original and
 * {@link dev.bitbench.kernels.quant.QuantReport} puts size and error together.
 *
 * <p>Input contract, for every scheme: {@code weights.length == rows * cols}, else {@code
 * IllegalArgumentException} naming both; NaN and infinite weights are rejected with an {@code
 * IllegalArgumentException} naming the first such index; INT8 and INT4 also reject magnitudes above
 * 2^125. An all-zero group never produces a NaN scale: it dequantizes to zeros. Rounding is to
 * nearest, ties to even, everywhere. The code is pure and single-threaded; quantize allocates only
 * its output arrays and {@code dequantizeInto} allocates nothing.
 */
package dev.bitbench.kernels.quant;
