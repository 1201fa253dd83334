package dev.bitbench.kernels.quant;

import java.util.Objects;

/**
 * The shape of a row-major {@code [rows x cols]} weight matrix and how it is split into groups that
 * share one scale.
 *
 * <p>Groups are contiguous runs of the row-major array: group {@code g} holds elements {@code
 * groupStart(g) .. groupStart(g) + groupSize() - 1}. Either dimension may be zero (an empty matrix).
 *
 * @param rows number of rows (output channels), {@code >= 0}
 * @param cols number of columns (inputs per channel), {@code >= 0}; {@code rows * cols} must fit
 *     in an {@code int}
 * @param granularity whether the matrix has one scale or one per row
 */
public record QuantShape(int rows, int cols, Granularity granularity) {
    public QuantShape {
        Objects.requireNonNull(granularity, "granularity");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got " + rows + " x " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "rows x cols = " + rows + " x " + cols + " exceeds the largest array length");
        }
    }

    /**
     * Returns the shape of {@code weights} seen as {@code [rows x cols]}.
     *
     * @throws IllegalArgumentException if {@code weights.length != rows * cols}; the message names
     *     both
     * @throws NullPointerException if {@code weights} or {@code granularity} is null
     */
    public static QuantShape of(float[] weights, int rows, int cols, Granularity granularity) {
        Objects.requireNonNull(weights, "weights");
        QuantShape shape = new QuantShape(rows, cols, granularity);
        shape.requireLength("weights", weights.length);
        return shape;
    }

    /** Number of elements, {@code rows * cols}. */
    public int size() {
        return rows * cols;
    }

    /** Number of groups (scales): 1 per tensor, {@code rows} per channel. */
    public int groupCount() {
        return granularity.groupCount(rows);
    }

    /** Number of elements in each group: {@code size()} per tensor, {@code cols} per channel. */
    public int groupSize() {
        return granularity == Granularity.PER_TENSOR ? size() : cols;
    }

    /** Index of the first element of {@code group} in the row-major array. */
    public int groupStart(int group) {
        return group * groupSize();
    }

    /**
     * Checks that an array called {@code name} of {@code length} elements holds this shape.
     *
     * @throws IllegalArgumentException naming the array length and the shape when they differ
     */
    void requireLength(String name, int length) {
        if (length != size()) {
            throw new IllegalArgumentException(
                    name + ".length is " + length + " but rows x cols is " + rows + " x " + cols + " = " + size());
        }
    }

    /**
     * Checks that an array called {@code name} of {@code length} elements holds one value per group.
     *
     * @throws IllegalArgumentException naming both counts when they differ
     */
    void requireGroups(String name, int length) {
        if (length != groupCount()) {
            throw new IllegalArgumentException(name + ".length is " + length + " but " + granularity + " with " + rows
                    + " rows has " + groupCount() + " groups");
        }
    }
}
