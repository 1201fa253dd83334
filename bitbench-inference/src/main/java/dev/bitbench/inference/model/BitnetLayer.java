package dev.bitbench.inference.model;

import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Objects;

/**
 * The weights of one {@code bitnet} block, named as in llama.cpp: RMSNorm gains ({@code attn_norm},
 * {@code attn_sub_norm} of {@code n_embd}, {@code ffn_norm} of {@code n_embd}, {@code ffn_sub_norm}
 * of {@code n_ff}) and seven ternary linears ({@code [out x in]}, optional {@code .scale} tensors
 * already folded into the row scales).
 */
public record BitnetLayer(
        float[] attnNorm,
        PackedTernaryMatrix wq,
        PackedTernaryMatrix wk,
        PackedTernaryMatrix wv,
        float[] attnSubNorm,
        PackedTernaryMatrix wo,
        float[] ffnNorm,
        PackedTernaryMatrix wGate,
        PackedTernaryMatrix wUp,
        float[] ffnSubNorm,
        PackedTernaryMatrix wDown) {
    public BitnetLayer {
        Objects.requireNonNull(attnNorm, "attnNorm");
        Objects.requireNonNull(wq, "wq");
        Objects.requireNonNull(wk, "wk");
        Objects.requireNonNull(wv, "wv");
        Objects.requireNonNull(attnSubNorm, "attnSubNorm");
        Objects.requireNonNull(wo, "wo");
        Objects.requireNonNull(ffnNorm, "ffnNorm");
        Objects.requireNonNull(wGate, "wGate");
        Objects.requireNonNull(wUp, "wUp");
        Objects.requireNonNull(ffnSubNorm, "ffnSubNorm");
        Objects.requireNonNull(wDown, "wDown");
    }
}
