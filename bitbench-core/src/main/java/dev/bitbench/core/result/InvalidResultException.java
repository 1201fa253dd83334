package dev.bitbench.core.result;

/**
 * A result file that cannot be accepted: not JSON, another schema, a missing or mistyped field, or
 * values that contradict each other. The message names the file, the JSON path of the offending
 * field (e.g. {@code $.benchmarks[2].metrics.time.n}) and what was expected there, in one line fit
 * for a user (the CLI prints it and exits with code 2).
 */
public final class InvalidResultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final String expected;

    /**
     * @param source the file (or other source) that was read
     * @param path JSON path of the offending field, {@code $} for the document
     * @param expected what the field should have been
     * @param found what was there instead, or {@code null} to omit
     */
    public InvalidResultException(String source, String path, String expected, String found) {
        super(source + ": " + path + ": expected " + expected + (found == null ? "" : ", found " + found));
        this.source = source;
        this.path = path;
        this.expected = expected;
    }

    /** The file or source name that was read. */
    public String source() {
        return source;
    }

    /** The JSON path of the offending field, e.g. {@code $.run.seed}. */
    public String path() {
        return path;
    }

    /** What was expected at {@link #path()}. */
    public String expected() {
        return expected;
    }
}
