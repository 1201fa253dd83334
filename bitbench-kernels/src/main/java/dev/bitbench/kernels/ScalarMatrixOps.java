package dev.bitbench.kernels;

final class ScalarMatrixOps implements MatrixOps {
    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k) {
        throw new UnsupportedOperationException("scalar.gemm: not yet implemented");
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        throw new UnsupportedOperationException("scalar.gemmTransB: not yet implemented");
    }

    @Override
    public void gemv(float[] a, float[] x, float[] y, int m, int k) {
        throw new UnsupportedOperationException("scalar.gemv: not yet implemented");
    }

    @Override
    public void gemvF16(short[] a, float[] x, float[] y, int m, int k) {
        throw new UnsupportedOperationException("scalar.gemvF16: not yet implemented");
    }
}
