package dev.bitbench.core.detect;

/**
 * A thresholds document that cannot be used: not JSON, an unknown key, or a value of the wrong form.
 * The message is one line naming the field (as a JSON path, e.g. {@code
 * $.benchmarks["kernels.*"].warning_percent}) and the expected form; the CLI maps it to exit code 2.
 */
public final class InvalidThresholdsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field JSON path of the offending field ({@code $} for the whole document)
     * @param problem what is wrong and what is expected
     */
    public InvalidThresholdsException(String field, String problem) {
        super("thresholds " + field + ": " + problem);
        this.field = field;
    }

    /** JSON path of the offending field, {@code $} for the document itself. */
    public String field() {
        return field;
    }
}
