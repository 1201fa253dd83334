package dev.bitbench.kernels;

import dev.bitbench.kernels.parallel.Parallel;

/**
 * The blocked SGEMM driver, GotoBLAS style: loops {@code jc -> pc -> ic -> jr -> ir} over blocks of
 * {@code nc} columns, {@code kc} of the shared dimension and {@code mc} rows, then register tiles.
 *
 * <p>Per {@code (jc, pc)} block, {@code B[kc x nc]} is packed once into column panels shared by
 * every thread; then each row block of {@code mc} rows packs its own {@code A[mc x kc]} into row
 * panels and multiplies it against every panel of the {@code B} block. Row blocks are the unit of
 * parallel work, so threads never pack the same data twice. The first {@code kc} block overwrites
 * {@code C}, later ones add to it. Edge tiles run the same kernel into a small scratch tile whose
 * valid part is then copied out. Packing buffers are per-thread scratch reused across calls, so the
 * steady state allocates nothing.
 */
final class GemmBlocked {
    /** Default block of the shared dimension: a 2-vector B panel of this depth stays in L2. */
    static final int DEFAULT_KC = 1024;
    /** Default row block: the packed A block ({@code mc * kc} floats) stays in L2. */
    static final int DEFAULT_MC = 128;
    /** Default column block: bounds the shared packed B block to {@code kc * nc} floats. */
    static final int DEFAULT_NC = 1024;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final GemmTile tile;
    private final int kcBlock;
    private final int mcBlock;
    private final int ncBlock;
    private final long unpackedWork;

    /** A driver with the default blocks and the tile for the running JDK. */
    GemmBlocked() {
        this(GemmTile.preferred(), DEFAULT_KC, DEFAULT_MC, DEFAULT_NC, GemmSmall.MAX_WORK);
    }

    /**
     * A driver with explicit blocks that packs every product but the thinnest (tests use small
     * blocks to cross every block edge); {@code mc} and {@code nc} are rounded up to whole tiles.
     */
    GemmBlocked(GemmTile tile, int kc, int mc, int nc) {
        this(tile, kc, mc, nc, 0);
    }

    private GemmBlocked(GemmTile tile, int kc, int mc, int nc, long unpackedWork) {
        if (kc < 1 || mc < 1 || nc < 1) {
            throw new IllegalArgumentException("blocks must be >= 1: kc=" + kc + " mc=" + mc + " nc=" + nc);
        }
        this.tile = tile;
        this.kcBlock = kc;
        this.mcBlock = roundUp(mc, tile.rows);
        this.ncBlock = roundUp(nc, tile.columns());
        this.unpackedWork = unpackedWork;
    }

    /**
     * Whether {@code m x n x k} is better left to the unpacked loops of {@link GemmSmall}: small
     * enough that packing costs more than it saves, or thinner than one register tile.
     */
    boolean prefersUnpacked(int m, int n, int k) {
        long work = (long) m * n * k;
        return work <= unpackedWork || m < tile.rows || n < GemmMicroKernel.L;
    }

    /**
     * {@code C = A . B} (or {@code A . B^T} with {@code b} stored {@code [n x k]} when {@code
     * transB}); dimensions already checked, {@code m, n, k >= 1}. {@code parallel} may be null for
     * the caller's thread only.
     */
    void multiply(float[] a, float[] b, float[] c, int m, int n, int k, boolean transB, Parallel parallel) {
        int mr = tile.rows;
        int nr = tile.columns();
        int threads = parallel == null ? 1 : parallel.threads();
        // With several threads and few rows, smaller row blocks keep every thread busy.
        int mc = Math.min(mcBlock, roundUp((m + threads - 1) / threads, mr));
        int rowBlocks = (m + mc - 1) / mc;
        // Borrowed, not shared: a nested call on this thread (a fork-join worker that steals a
        // task calling GEMM while it waits) gets a buffer of its own.
        Scratch mine = SCRATCH.get();
        float[] bp = mine.borrowB();
        try {
            for (int jc = 0; jc < n; jc += ncBlock) {
                int nc = Math.min(ncBlock, n - jc);
                int base = jc / nr;
                int panels = (nc + nr - 1) / nr;
                for (int pc = 0; pc < k; pc += kcBlock) {
                    int kc = Math.min(kcBlock, k - pc);
                    if (bp.length < panels * nr * kc) {
                        bp = new float[panels * nr * kc];
                    }
                    float[] packed = bp;
                    if (threads == 1) {
                        packB(b, n, k, transB, pc, kc, base, 0, panels, bp);
                        computeRows(a, bp, c, m, n, k, pc, kc, jc, nc, mc, 0, rowBlocks);
                    } else {
                        int p0 = pc;
                        int j0 = jc;
                        parallel.forRange(
                                panels,
                                (panels + threads - 1) / threads,
                                (q0, q1) -> packB(b, n, k, transB, p0, kc, base, q0, q1, packed));
                        parallel.forRange(
                                rowBlocks,
                                1,
                                (r0, r1) -> computeRows(a, packed, c, m, n, k, p0, kc, j0, nc, mc, r0, r1));
                    }
                }
            }
        } finally {
            mine.returnB(bp);
        }
    }

    private void packB(float[] b, int n, int k, boolean transB, int p0, int kc, int base, int q0, int q1, float[] bp) {
        int nr = tile.columns();
        if (transB) {
            GemmPacking.packBTransposed(b, n, k, p0, kc, base, base + q0, base + q1, nr, bp);
        } else {
            GemmPacking.packB(b, n, p0, kc, base, base + q0, base + q1, nr, bp);
        }
    }

    /**
     * Row blocks {@code [r0, r1)} (of {@code mc} rows) of {@code C[:, jc .. jc + nc)} for the k
     * block {@code [p0, p0 + kc)}, against the packed {@code B} block {@code bp}.
     */
    private void computeRows(
            float[] a,
            float[] bp,
            float[] c,
            int m,
            int n,
            int k,
            int p0,
            int kc,
            int jc,
            int nc,
            int mc,
            int r0,
            int r1) {
        int mr = tile.rows;
        int nr = tile.columns();
        boolean accumulate = p0 > 0;
        Scratch mine = SCRATCH.get();
        float[] ap = mine.packedA(mc * kc);
        float[] edge = mine.tile(mr * nr);
        for (int block = r0; block < r1; block++) {
            int ic = block * mc;
            int rows = Math.min(mc, m - ic);
            GemmPacking.packA(a, k, ic, rows, p0, kc, mr, ap);
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr);
                int bo = jr * kc;
                for (int ir = 0; ir < rows; ir += mr) {
                    int tileRows = Math.min(mr, rows - ir);
                    int ao = ir * kc;
                    int co = (ic + ir) * n + jc + jr;
                    if (tileRows == mr && cols == nr) {
                        GemmMicroKernel.run(tile, ap, ao, bp, bo, kc, c, co, n, accumulate);
                    } else {
                        // edge tile: full tile into scratch, valid part into C
                        GemmMicroKernel.run(tile, ap, ao, bp, bo, kc, edge, 0, nr, false);
                        for (int r = 0; r < tileRows; r++) {
                            for (int j = 0; j < cols; j++) {
                                float v = edge[r * nr + j];
                                c[co + r * n + j] = accumulate ? c[co + r * n + j] + v : v;
                            }
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Per-thread packing buffers, grown on demand and kept for the next call. */
    private static final class Scratch {
        private float[] a = new float[0];
        private static final float[] EMPTY = new float[0];
        private float[] b = EMPTY;
        private float[] tile = new float[0];

        float[] packedA(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        /** Takes the B buffer (possibly too small) out of the holder until {@link #returnB}. */
        float[] borrowB() {
            float[] borrowed = b;
            b = EMPTY;
            return borrowed;
        }

        /** Puts back the larger of the held and the returned buffer. */
        void returnB(float[] buffer) {
            if (buffer.length > b.length) {
                b = buffer;
            }
        }

        float[] tile(int size) {
            if (tile.length < size) {
                tile = new float[size];
            }
            return tile;
        }
    }
}
