package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Objects;

/** The reference BitLinear: one weight at a time, read through {@link PackedTernaryMatrix#trit}. */
final class ScalarTernaryOps implements TernaryOps {
    @Override
    public void ternaryDots(PackedTernaryMatrix w, Int8Activations x, int token, int[] dots) {
        checkToken(w, x, token);
        checkOutput("dots", dots.length, 0, w.rows(), w, x);
        for (int r = 0; r < w.rows(); r++) {
            dots[r] = dot(w, r, x, token);
        }
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        checkToken(w, x, token);
        checkOutput("y", y.length, yOff, w.rows(), w, x);
        for (int r = 0; r < w.rows(); r++) {
            y[yOff + r] = dot(w, r, x, token) * (w.scale(r) * x.scale(token));
        }
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        checkShapes(w, x);
        checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        for (int t = 0; t < x.rows(); t++) {
            for (int r = 0; r < w.rows(); r++) {
                y[t * w.rows() + r] = dot(w, r, x, t) * (w.scale(r) * x.scale(t));
            }
        }
    }

    private static int dot(PackedTernaryMatrix w, int row, Int8Activations x, int token) {
        int sum = 0;
        for (int c = 0; c < w.cols(); c++) {
            sum += w.trit(row, c) * x.value(token, c);
        }
        return sum;
    }

    /** Weights {@code [M x K]} and activations {@code [T x K]} must agree on {@code K}. */
    static void checkShapes(PackedTernaryMatrix w, Int8Activations x) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(x, "x");
        if (w.cols() != x.cols()) {
            throw new IllegalArgumentException("shape mismatch: weights " + w.shape() + " and activations " + x.shape()
                    + " (weight columns must equal activation columns)");
        }
    }

    static void checkToken(PackedTernaryMatrix w, Int8Activations x, int token) {
        checkShapes(w, x);
        if (token < 0 || token >= x.rows()) {
            throw new IllegalArgumentException(
                    "token " + token + " out of range for activations " + x.shape() + " (weights " + w.shape() + ")");
        }
    }

    static void checkOutput(
            String name, int length, int offset, long needed, PackedTernaryMatrix w, Int8Activations x) {
        if (offset < 0 || offset + needed > length) {
            throw new IllegalArgumentException(name + " has " + length + " elements, offset " + offset + " and "
                    + needed + " outputs needed for weights " + w.shape() + " and activations " + x.shape());
        }
    }
}
