/**
 * The BitNet b1.58 engine: {@link dev.bitbench.inference.model.BitnetModel} loads a llama.cpp
 * {@code bitnet} GGUF, {@link dev.bitbench.inference.model.InferenceSession} runs the forward pass
 * with a KV cache (prefill in batches, decode one token at a time), {@link
 * dev.bitbench.inference.model.Sampler}, {@link dev.bitbench.inference.model.Tokenizer} and {@link
 * dev.bitbench.inference.model.Generation} turn it into text.
 */
package dev.bitbench.inference.model;
