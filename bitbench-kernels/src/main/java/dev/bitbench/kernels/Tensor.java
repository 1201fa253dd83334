package dev.bitbench.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major tensor of floats: a shape, a backing {@code float[]} and the offset of element
 * {@code [0, ..., 0]} in it.
 *
 * <p>Tensors are always contiguous: the element at index {@code (i0, ..., i(r-1))} is {@code
 * data[offset + ((i0 * d1 + i1) * d2 + ...)]}. Views ({@link #row}, {@link #slice}, {@link
 * #reshape}) share the backing array and copy nothing, so a write through a view is seen by every
 * tensor over the same data. The shape is fixed; the values are mutable.
 *
 * <p>Rank is at least 1; a dimension may be 0 (an empty tensor). The element count must fit in an
 * int. Invalid shapes, offsets and indices give {@link IllegalArgumentException} or {@link
 * IndexOutOfBoundsException} with the offending numbers in the message.
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int size;

    /**
     * A tensor over {@code data[offset .. offset + size)} with the given shape; no copy.
     *
     * @throws IllegalArgumentException if the shape is empty or has a negative dimension, the
     *     element count overflows an int, or the data is too short for {@code offset + size}
     */
    public Tensor(float[] data, int offset, int... shape) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(shape, "shape");
        this.shape = shape.clone();
        this.size = sizeOf(this.shape);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if ((long) offset + size > data.length) {
            throw new IllegalArgumentException("data of length " + data.length + " is too short for shape "
                    + shapeString(this.shape) + " (" + size + " elements) at offset " + offset);
        }
        this.data = data;
        this.offset = offset;
    }

    /** Wraps {@code data} (no copy) as a tensor of the given shape starting at index 0. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, 0, shape);
    }

    /** A new tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[sizeOf(shape)], 0, shape);
    }

    /** The number of dimensions, at least 1. */
    public int rank() {
        return shape.length;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of dimension {@code axis}; negative axes count from the end ({@code -1} is the last). */
    public int dim(int axis) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new IndexOutOfBoundsException("axis " + axis + " out of range for rank " + shape.length);
        }
        return shape[a];
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The length of the last axis: the length of one row. */
    public int cols() {
        return shape[shape.length - 1];
    }

    /** The number of rows: the product of every dimension but the last (1 for rank 1). */
    public int rows() {
        int r = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            r *= shape[i];
        }
        return r;
    }

    /** The backing array, shared (not a copy); this tensor's elements start at {@link #offset()}. */
    public float[] data() {
        return data;
    }

    /** The index in {@link #data()} of the first element. */
    public int offset() {
        return offset;
    }

    /** Whether {@code other} has the same shape. */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** The element at {@code index} (one index per axis). */
    public float get(int... index) {
        return data[flatIndex(index)];
    }

    /** Sets the element at {@code index} (one index per axis) to {@code value}. */
    public void set(float value, int... index) {
        data[flatIndex(index)] = value;
    }

    /**
     * A view of index {@code i} along the first axis, with the first axis removed: row {@code i} of a
     * matrix, or matrix {@code i} of a rank-3 tensor.
     *
     * @throws IllegalArgumentException for rank 1 (a row of a vector would be a scalar)
     */
    public Tensor row(int i) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("row needs rank >= 2, shape is " + shapeString(shape));
        }
        Objects.checkIndex(i, shape[0]);
        int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        return new Tensor(data, offset + i * sizeOf(rest), rest);
    }

    /** A view of indices {@code [from, to)} along the first axis; the rank is unchanged. */
    public Tensor slice(int from, int to) {
        Objects.checkFromToIndex(from, to, shape[0]);
        int[] s = shape.clone();
        s[0] = to - from;
        int stride = shape[0] == 0 ? 0 : size / shape[0];
        return new Tensor(data, offset + from * stride, s);
    }

    /**
     * A view of the same elements in another shape of the same element count.
     *
     * @throws IllegalArgumentException naming both shapes if the element counts differ
     */
    public Tensor reshape(int... newShape) {
        if (sizeOf(newShape) != size) {
            throw new IllegalArgumentException("cannot reshape " + shapeString(shape) + " (" + size + " elements) to "
                    + shapeString(newShape) + " (" + sizeOf(newShape) + " elements)");
        }
        return new Tensor(data, offset, newShape);
    }

    /** A new tensor with its own copy of the elements. */
    public Tensor copy() {
        return new Tensor(toArray(), 0, shape);
    }

    /** The elements in row-major order, copied into a new array. */
    public float[] toArray() {
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    /** The shape as text, such as {@code [2, 3]}. */
    public String shapeString() {
        return shapeString(shape);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeString(shape);
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index has " + index.length + " components, tensor " + shapeString(shape)
                    + " has rank " + shape.length);
        }
        int flat = 0;
        for (int a = 0; a < shape.length; a++) {
            Objects.checkIndex(index[a], shape[a]);
            flat = flat * shape[a] + index[a];
        }
        return offset + flat;
    }

    static String shapeString(int[] shape) {
        return Arrays.toString(shape);
    }

    private static int sizeOf(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("shape must have at least one dimension");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dimensions must be >= 0, shape is " + shapeString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "shape " + shapeString(shape) + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
        return (int) n;
    }
}
