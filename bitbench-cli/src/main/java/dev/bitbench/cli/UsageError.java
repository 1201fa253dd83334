package dev.bitbench.cli;

/** Invalid input or usage; its message names what is wrong, where, and what was expected. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
