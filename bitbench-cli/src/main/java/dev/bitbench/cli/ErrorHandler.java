package dev.bitbench.cli;

import dev.bitbench.core.config.InvalidConfigException;
import dev.bitbench.core.result.InvalidResultException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Maps exceptions from commands to one line on stderr and an exit code: invalid input ({@link
 * UsageError}, {@link IllegalArgumentException}, an invalid result, config or thresholds file) is 2,
 * anything else (I/O, store, a failed run) is 1. With {@code --verbose} the stack trace follows.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        int code = isInvalidInput(ex) ? ExitCodes.USAGE : ExitCodes.FAILURE;
        Throwable shown = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        if (shown instanceof NoSuchFileException) {
            message = "no such file: " + message;
        }
        commandLine.getErr().println("bitbench: " + message);
        if (verbose(parseResult)) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return code;
    }

    static boolean isInvalidInput(Throwable ex) {
        return ex instanceof UsageError
                || ex instanceof IllegalArgumentException
                || ex instanceof InvalidResultException
                || ex instanceof InvalidConfigException;
    }

    private static boolean verbose(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult p = result; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
