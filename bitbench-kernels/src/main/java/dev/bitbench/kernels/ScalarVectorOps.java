package dev.bitbench.kernels;

final class ScalarVectorOps implements VectorOps {
    @Override
    public void add(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.add: not yet implemented");
    }

    @Override
    public void mul(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.mul: not yet implemented");
    }

    @Override
    public void scale(float[] a, float s, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.scale: not yet implemented");
    }

    @Override
    public void map(float[] a, FloatUnaryOperator f, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.map: not yet implemented");
    }

    @Override
    public float sum(float[] a, int off, int n) {
        throw new UnsupportedOperationException("scalar.sum: not yet implemented");
    }

    @Override
    public float max(float[] a, int off, int n) {
        throw new UnsupportedOperationException("scalar.max: not yet implemented");
    }

    @Override
    public float mean(float[] a, int off, int n) {
        throw new UnsupportedOperationException("scalar.mean: not yet implemented");
    }

    @Override
    public void relu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.relu: not yet implemented");
    }

    @Override
    public void gelu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.gelu: not yet implemented");
    }

    @Override
    public void silu(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.silu: not yet implemented");
    }

    @Override
    public void swish(float[] x, float beta, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.swish: not yet implemented");
    }

    @Override
    public void relu2(float[] x, float[] out, int n) {
        throw new UnsupportedOperationException("scalar.relu2: not yet implemented");
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        throw new UnsupportedOperationException("scalar.softmax: not yet implemented");
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        throw new UnsupportedOperationException("scalar.rmsNorm: not yet implemented");
    }

    @Override
    public void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        throw new UnsupportedOperationException("scalar.rope: not yet implemented");
    }
}
