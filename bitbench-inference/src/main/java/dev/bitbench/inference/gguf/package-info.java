/**
 * GGUF v2/v3 files: {@link dev.bitbench.inference.gguf.GgufReader} parses and validates (every
 * hostile input gives one {@link dev.bitbench.inference.gguf.GgufFormatException}), {@link
 * dev.bitbench.inference.gguf.GgufFile} maps tensor data on request, {@link
 * dev.bitbench.inference.gguf.GgufWriter} streams files out. Tensor types are ggml's F32, F16,
 * BF16, Q8_0, TQ1_0 and TQ2_0 ({@link dev.bitbench.inference.gguf.GgmlType}).
 */
package dev.bitbench.inference.gguf;
