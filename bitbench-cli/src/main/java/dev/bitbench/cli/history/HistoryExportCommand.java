package dev.bitbench.cli.history;

import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bitbench history export ID}: a stored run as {@code performance-report.json}. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a stored run as performance-report.json (schema bitbench/run/v1), samples included.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench history export 20261123T101233Z-f8fe249 > performance-report.json",
            "  bitbench history export 20261123T101233Z-f8fe249 --output old/performance-report.json"
        })
public final class HistoryExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "Run id (see `bitbench history list`).")
    String id;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunResult run;
        try (RunStore s = store.open()) {
            run = s.load(id).orElseThrow(() -> HistoryShowCommand.noSuchRun(id, s.url()));
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(RunResultJson.toJson(run));
            out.flush();
        } else {
            try {
                RunResultJson.write(run, output);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot write " + output + ": " + e.getMessage(), e));
            }
        }
        return 0;
    }
}
