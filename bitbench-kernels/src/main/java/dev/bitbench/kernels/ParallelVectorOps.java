package dev.bitbench.kernels;

import dev.bitbench.kernels.parallel.Parallel;

final class ParallelVectorOps implements VectorOps {
    private final Parallel parallel;

    ParallelVectorOps(Parallel parallel) {
        this.parallel = parallel;
    }

    @Override
    public void add(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.add: not yet implemented");
    }

    @Override
    public void mul(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.mul: not yet implemented");
    }

    @Override
    public void scale(float[] a, float s, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.scale: not yet implemented");
    }

    @Override
    public void map(float[] a, FloatUnaryOperator f, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.map: not yet implemented");
    }

    @Override
    public float sum(float[] a, int off, int n) {
        throw new UnsupportedOperationException("parallel.sum: not yet implemented");
    }

    @Override
    public float max(float[] a, int off, int n) {
        throw new UnsupportedOperationException("parallel.max: not yet implemented");
    }

    @Override
    public float mean(float[] a, int off, int n) {
        throw new UnsupportedOperationException("parallel.mean: not yet implemented");
    }

    @Override
    public void relu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.relu: not yet implemented");
    }

    @Override
    public void gelu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.gelu: not yet implemented");
    }

    @Override
    public void silu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.silu: not yet implemented");
    }

    @Override
    public void swish(float[] x, float beta, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.swish: not yet implemented");
    }

    @Override
    public void relu2(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("parallel.relu2: not yet implemented");
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        throw new UnsupportedOperationException("parallel.softmax: not yet implemented");
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        throw new UnsupportedOperationException("parallel.rmsNorm: not yet implemented");
    }

    @Override
    public void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        throw new UnsupportedOperationException("parallel.rope: not yet implemented");
    }
}
