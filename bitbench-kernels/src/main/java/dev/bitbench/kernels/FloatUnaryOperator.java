package dev.bitbench.kernels;

/** A function from float to float, without boxing. */
@FunctionalInterface
public interface FloatUnaryOperator {
    float apply(float x);
}
