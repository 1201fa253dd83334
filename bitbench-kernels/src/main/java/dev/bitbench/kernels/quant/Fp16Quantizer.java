package dev.bitbench.kernels.quant;

import dev.bitbench.kernels.Fp16;

/**
 * FP16 storage: each weight rounded to the nearest IEEE binary16 value, ties to even ({@link
 * Fp16#fromFloat}). The relative error is at most 2^-11 for magnitudes in the normal half range
 * [2^-14, 65504]; below it the absolute error is at most 2^-25 (half a subnormal step). Magnitudes
 * of 65520 and above overflow to infinity, which the error report shows as an infinite error.
 *
 * <p>There is no scale, so the granularity changes nothing. Like every quantizer, NaN and infinite
 * inputs are rejected.
 */
public final class Fp16Quantizer implements Quantizer {

    @Override
    public QuantScheme scheme() {
        return QuantScheme.FP16;
    }

    @Override
    public Fp16Matrix quantize(float[] weights, int rows, int cols, Granularity granularity) {
        QuantShape shape = QuantShape.of(weights, rows, cols, granularity);
        QuantMath.requireAllFinite(weights, 0, weights.length);
        short[] halves = new short[weights.length];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = Fp16.fromFloat(weights[i]);
        }
        return new Fp16Matrix(shape, halves);
    }
}
