package dev.bitbench.cli.inference;

import dev.bitbench.cli.BitBench;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the real command line: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitBench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
