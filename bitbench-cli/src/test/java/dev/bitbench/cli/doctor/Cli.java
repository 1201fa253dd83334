package dev.bitbench.cli.doctor;

import dev.bitbench.cli.BitBench;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Executes the real command line and captures exit code, stdout and stderr. */
final class Cli {
    private Cli() {}

    record Result(int exit, String out, String err) {}

    static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BitBench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
