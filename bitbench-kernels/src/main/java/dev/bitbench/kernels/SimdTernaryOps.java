package dev.bitbench.kernels;

final class SimdTernaryOps implements TernaryOps {}
