package dev.bitbench.kernels;

/**
 * The register-tile shapes of the blocked SGEMM ({@link GemmMicroKernel}): {@code rows} rows of
 * {@code C} by {@code vectors} vectors of the preferred float species.
 */
enum GemmTile {
    /** 8 rows x 2 vectors: the faster tile where C2 allocates its 19 live vectors without spills. */
    ROWS8_VECTORS2(8, 2),
    /** 4 rows x 4 vectors: for JDK 17, whose C2 spills with the 8-row tile. */
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
