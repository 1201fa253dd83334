package dev.bitbench.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Maps exceptions from commands to one line on stderr and an exit code: {@link UsageError}, {@link
 * IllegalArgumentException} and core's {@code InvalidConfigException} are invalid input (2), anything else is a failure (1). With
 * {@code --verbose} the stack trace follows.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult.hasMatchedOption("--verbose")
                || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
        int code = ex instanceof UsageError
                        || ex instanceof IllegalArgumentException
                        || ex instanceof dev.bitbench.core.config.InvalidConfigException
                ? ExitCodes.USAGE
                : ExitCodes.FAILURE;
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            message = ex.getCause().getMessage();
        }
        commandLine.getErr().println("bitbench: " + message);
        if (verbose) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return code;
    }
}
