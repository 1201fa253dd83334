package dev.bitbench.kernels;

/**
 * The register-tile shapes of the blocked SGEMM ({@link GemmMicroKernel}): {@code rows} rows of
 * {@code C} by {@code vectors} vectors of the preferred float species.
 *
 * <p>An earlier prototype that broadcast {@code A} from 8 separate row pointers saw JDK 17's C2
 * spill registers with the 8-row tile, so JDK 17 defaults to 4x4 and later JDKs to 8x2. With
 * {@code A} packed (one pointer) both tiles measured the same on JDK 17 and JDK 25 here (1024^3
 * on an AVX-512 Zen 4 core, within 3%), so the choice is a safeguard rather than a speed-up.
 */
enum GemmTile {
    /** 8 rows x 2 vectors: 16 accumulators, 2 loads of B and 8 broadcasts of A per k step. */
    ROWS8_VECTORS2(8, 2),
    /** 4 rows x 4 vectors: 16 accumulators, 4 loads of B and 4 broadcasts of A per k step. */
    ROWS4_VECTORS4(4, 4);

    /** System property that overrides the choice ({@code 8x2} or {@code 4x4}), for measurement. */
    static final String PROPERTY = "bitbench.gemm.tile";

    final int rows;
    final int vectors;

    GemmTile(int rows, int vectors) {
        this.rows = rows;
        this.vectors = vectors;
    }

    /** Columns of the tile: {@code vectors} times the lanes of the preferred species. */
    int columns() {
        return vectors * GemmMicroKernel.L;
    }

    /** The tile for the running JDK, unless {@value #PROPERTY} names one. */
    static GemmTile preferred() {
        String forced = System.getProperty(PROPERTY, "");
        if (forced.equals("8x2")) {
            return ROWS8_VECTORS2;
        }
        if (forced.equals("4x4")) {
            return ROWS4_VECTORS4;
        }
        return Runtime.version().feature() >= 21 ? ROWS8_VECTORS2 : ROWS4_VECTORS4;
    }
}
