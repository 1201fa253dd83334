package dev.bitbench.kernels;

final class SimdMatrixOps implements MatrixOps {
    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k) {
        throw new UnsupportedOperationException("simd.gemm: not yet implemented");
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        throw new UnsupportedOperationException("simd.gemmTransB: not yet implemented");
    }

    @Override
    public void gemv(float[] a, float[] x, float[] y, int m, int k) {
        throw new UnsupportedOperationException("simd.gemv: not yet implemented");
    }

    @Override
    public void gemvF16(short[] a, float[] x, float[] y, int m, int k) {
        throw new UnsupportedOperationException("simd.gemvF16: not yet implemented");
    }
}
