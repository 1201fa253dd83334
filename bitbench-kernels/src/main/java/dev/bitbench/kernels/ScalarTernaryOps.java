package dev.bitbench.kernels;

final class ScalarTernaryOps implements TernaryOps {}
