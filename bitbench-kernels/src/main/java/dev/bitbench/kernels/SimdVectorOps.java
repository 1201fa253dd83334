package dev.bitbench.kernels;

final class SimdVectorOps implements VectorOps {
    @Override
    public void add(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException("simd.add: not yet implemented");
    }

    @Override
    public void mul(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException("simd.mul: not yet implemented");
    }

    @Override
    public void scale(float[] a, float s, float[] out, int n) {
        throw new UnsupportedOperationException("simd.scale: not yet implemented");
    }

    @Override
    public void map(float[] a, FloatUnaryOperator f, float[] out, int n) {
        throw new UnsupportedOperationException("simd.map: not yet implemented");
    }

    @Override
    public float sum(float[] a, int off, int n) {
        throw new UnsupportedOperationException("simd.sum: not yet implemented");
    }

    @Override
    public float max(float[] a, int off, int n) {
        throw new UnsupportedOperationException("simd.max: not yet implemented");
    }

    @Override
    public float mean(float[] a, int off, int n) {
        throw new UnsupportedOperationException("simd.mean: not yet implemented");
    }

    @Override
    public void relu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("simd.relu: not yet implemented");
    }

    @Override
    public void gelu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("simd.gelu: not yet implemented");
    }

    @Override
    public void silu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("simd.silu: not yet implemented");
    }

    @Override
    public void swish(float[] x, float beta, float[] out, int n) {
        throw new UnsupportedOperationException("simd.swish: not yet implemented");
    }

    @Override
    public void relu2(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("simd.relu2: not yet implemented");
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        throw new UnsupportedOperationException("simd.softmax: not yet implemented");
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        throw new UnsupportedOperationException("simd.rmsNorm: not yet implemented");
    }

    @Override
    public void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        throw new UnsupportedOperationException("simd.rope: not yet implemented");
    }
}
