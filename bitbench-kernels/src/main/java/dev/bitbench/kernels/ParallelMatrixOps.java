package dev.bitbench.kernels;

import dev.bitbench.kernels.parallel.Parallel;

final class ParallelMatrixOps implements MatrixOps {
    private final Parallel parallel;

    ParallelMatrixOps(Parallel parallel) {
        this.parallel = parallel;
    }

    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k) {
        throw new UnsupportedOperationException("parallel.gemm: not yet implemented");
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        throw new UnsupportedOperationException("parallel.gemmTransB: not yet implemented");
    }

    @Override
    public void gemv(float[] a, float[] x, float[] y, int m, int k) {
        throw new UnsupportedOperationException("parallel.gemv: not yet implemented");
    }

    @Override
    public void gemvF16(short[] a, float[] x, float[] y, int m, int k) {
        throw new UnsupportedOperationException("parallel.gemvF16: not yet implemented");
    }
}
