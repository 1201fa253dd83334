package dev.bitbench.cli;

/** The exit codes of every bitbench command, in one place. */
public final class ExitCodes {
    /** Success, and no regression found. */
    public static final int OK = 0;
    /** A run, I/O or store failure. */
    public static final int FAILURE = 1;
    /** Invalid input or usage: the message names the file, field and expected value. */
    public static final int USAGE = 2;
    /** A regression was found and {@code --fail-on-regression} was given. */
    public static final int REGRESSION = 3;

    private ExitCodes() {}
}
