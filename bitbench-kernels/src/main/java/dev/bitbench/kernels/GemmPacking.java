package dev.bitbench.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of {@code A} and {@code B} into the layouts {@link GemmMicroKernel} streams through:
 * {@code A} as row panels of {@code mr} rows, k-interleaved (the {@code mr} elements of one column
 * adjacent); {@code B} as column panels of {@code nr} columns, k-major (one row of the panel after
 * another). Rows or columns past the matrix edge are packed as zeros, so every panel is full and
 * edge tiles need no special kernel.
 */
final class GemmPacking {
    private GemmPacking() {}

    /**
     * Packs rows {@code [i0, i0 + rows)} and columns {@code [p0, p0 + kc)} of {@code a[m x k]}
     * (row-major, {@code k} per row) into {@code ceil(rows / mr)} panels of {@code mr * kc} floats
     * starting at {@code dst[0]}.
     */
    static void packA(float[] a, int k, int i0, int rows, int p0, int kc, int mr, float[] dst) {
        int o = 0;
        for (int r0 = 0; r0 < rows; r0 += mr) {
            int valid = Math.min(mr, rows - r0);
            int src = (i0 + r0) * k + p0;
            if (valid == mr) {
                for (int p = 0; p < kc; p++, o += mr) {
                    for (int r = 0; r < mr; r++) {
                        dst[o + r] = a[src + r * k + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++, o += mr) {
                    for (int r = 0; r < mr; r++) {
                        dst[o + r] = r < valid ? a[src + r * k + p] : 0f;
                    }
                }
            }
        }
    }

    /**
     * Packs rows {@code [p0, p0 + kc)} and panels {@code [panel0, panel1)} (of {@code nr} columns
     * each) of {@code b[k x n]} into {@code dst}, panel {@code q} at {@code (q - base) * nr * kc}.
     */
    static void packB(float[] b, int n, int p0, int kc, int base, int panel0, int panel1, int nr, float[] dst) {
        int lanes = GemmMicroKernel.L;
        for (int q = panel0; q < panel1; q++) {
            int j0 = q * nr;
            int valid = Math.min(nr, n - j0);
            int o = (q - base) * nr * kc;
            if (valid == nr) {
                for (int p = 0; p < kc; p++, o += nr) {
                    int src = (p0 + p) * n + j0;
                    for (int v = 0; v < nr; v += lanes) {
                        FloatVector.fromArray(GemmMicroKernel.S, b, src + v).intoArray(dst, o + v);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++, o += nr) {
                    int src = (p0 + p) * n + j0;
                    System.arraycopy(b, src, dst, o, valid);
                    java.util.Arrays.fill(dst, o + valid, o + nr, 0f);
                }
            }
        }
    }

    /**
     * As {@link #packB} for {@code B^T} where {@code b} is stored as {@code [n x k]}: panel column
     * {@code j} row {@code p} is {@code b[j * k + p]}.
     */
    static void packBTransposed(
            float[] b, int n, int k, int p0, int kc, int base, int panel0, int panel1, int nr, float[] dst) {
        for (int q = panel0; q < panel1; q++) {
            int j0 = q * nr;
            int valid = Math.min(nr, n - j0);
            int o = (q - base) * nr * kc;
            for (int j = 0; j < nr; j++) {
                if (j < valid) {
                    int src = (j0 + j) * k + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[o + p * nr + j] = b[src + p];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        dst[o + p * nr + j] = 0f;
                    }
                }
            }
        }
    }
}
