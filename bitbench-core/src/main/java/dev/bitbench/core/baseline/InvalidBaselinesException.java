package dev.bitbench.core.baseline;

/**
 * A baselines file that cannot be used: not JSON, another schema, a missing or mistyped field, a
 * non-finite number, or a metric whose direction cannot be inferred. The message is one line naming
 * the file, the JSON path of the field (e.g. {@code $.platforms["linux-x86_64"].benchmarks["a"]
 * .metrics.time.median}) and what was expected; the CLI prints it and exits with code 2.
 */
public final class InvalidBaselinesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    /**
     * @param source the file (or other source) that was read
     * @param path JSON path of the offending field, {@code $} for the document
     * @param expected what should have been there
     * @param found what was there instead, or {@code null} to omit
     */
    public InvalidBaselinesException(String source, String path, String expected, String found) {
        super(source + ": " + path + ": expected " + expected + (found == null ? "" : ", found " + found));
        this.source = source;
        this.path = path;
    }

    /** The file or source name that was read. */
    public String source() {
        return source;
    }

    /** JSON path of the offending field, {@code $} for the document. */
    public String path() {
        return path;
    }
}
