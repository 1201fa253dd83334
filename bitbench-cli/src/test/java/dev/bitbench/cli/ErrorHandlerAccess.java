package dev.bitbench.cli;

import picocli.CommandLine;

/** Gives tests of other packages the CLI's error handler (user errors exit 2). */
public final class ErrorHandlerAccess {

    private ErrorHandlerAccess() {}

    public static CommandLine.IExecutionExceptionHandler handler() {
        return new ErrorHandler();
    }
}
