/**
 * BitBench's inference engine: GGUF files ({@code gguf}), the BitNet model ({@code model}) and
 * deterministic fixtures ({@code fixtures}). See docs/inference.md.
 */
package dev.bitbench.inference;
