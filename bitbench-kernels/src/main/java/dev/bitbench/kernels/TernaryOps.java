package dev.bitbench.kernels;

/**
 * BitLinear products: int8 activations times packed ternary weights, with the scales applied once
 * per output.
 */
public interface TernaryOps {}
