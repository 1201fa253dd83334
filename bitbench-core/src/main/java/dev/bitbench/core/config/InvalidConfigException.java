package dev.bitbench.core.config;

/**
 * A configuration value that cannot be accepted, from a config file, an environment variable or a
 * flag. The message is one line for the user (the CLI prints it and exits with code 2): the source,
 * the key, what was expected and what was found.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;
    private final String expected;

    /**
     * @param source where the value came from: a file path, {@code "environment"} or {@code
     *     "command line"}
     * @param key the key, variable or option, e.g. {@code timeout}, {@code BITBENCH_SEED}
     * @param expected the accepted form, e.g. {@code "a duration like 30s, 2m or 500ms"}
     * @param found the offending value as text, or {@code null} to omit
     */
    public InvalidConfigException(String source, String key, String expected, String found) {
        super(source + ": " + key + ": expected " + expected + (found == null ? "" : ", found " + found));
        this.source = source;
        this.key = key;
        this.expected = expected;
    }

    /** Where the value came from. */
    public String source() {
        return source;
    }

    /** The offending key, variable or option. */
    public String key() {
        return key;
    }

    /** The accepted form. */
    public String expected() {
        return expected;
    }
}
