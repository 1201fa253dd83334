package dev.bitbench.core.config;

/**
 * A matrix size {@code rows x cols}, written {@code 1024x1024}; a single number {@code n} means
 * {@code n x n}.
 *
 * @param rows rows, from 1 to {@link #MAX}
 * @param cols columns, from 1 to {@link #MAX}
 */
public record TensorSize(int rows, int cols) {

    /** Largest accepted dimension: 65536. */
    public static final int MAX = 1 << 16;

    /** The accepted text form, for messages. */
    public static final String FORM = "a size like 1024 or 512x2048 (each dimension 1 to " + MAX + ")";

    /** Validates the ranges. */
    public TensorSize {
        if (rows < 1 || cols < 1 || rows > MAX || cols > MAX) {
            throw new IllegalArgumentException(
                    "tensor size dimensions must be 1 to " + MAX + ", were " + rows + "x" + cols);
        }
    }

    /**
     * Parses {@code 1024} or {@code 512x2048} (also {@code X} or {@code *} as separator).
     *
     * @throws IllegalArgumentException if not of that form or out of range
     */
    public static TensorSize parse(String text) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split("[xX*]", -1);
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0].trim());
                return new TensorSize(n, n);
            }
            if (parts.length == 2) {
                return new TensorSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected " + FORM + ", found \"" + text + "\"");
    }

    /** {@code rows x cols}, e.g. {@code 1024x1024}; the form used in benchmark ids. */
    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
