package dev.bitbench.kernels.quant;

/**
 * How many scales (and zero points) a quantized {@code [rows x cols]} matrix carries.
 *
 * <p>A group is the set of elements that share one scale. With {@link #PER_TENSOR} the whole
 * matrix is one group; with {@link #PER_CHANNEL} each output row (row {@code r} holds elements
 * {@code r*cols .. r*cols+cols-1} of the row-major array) is its own group.
 */
public enum Granularity {
    /** One scale for the whole matrix; there is one group even when the matrix is empty. */
    PER_TENSOR,
    /** One scale per output row; a matrix with zero rows has zero groups. */
    PER_CHANNEL;

    /** Returns the number of groups (scales) a matrix of {@code rows} rows has: 1 or {@code rows}. */
    public int groupCount(int rows) {
        return this == PER_TENSOR ? 1 : rows;
    }

    /** Returns the group that holds row {@code row}: 0 per tensor, {@code row} per channel. */
    public int groupOfRow(int row) {
        return this == PER_TENSOR ? 0 : row;
    }
}
