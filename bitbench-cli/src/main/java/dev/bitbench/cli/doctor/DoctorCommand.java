package dev.bitbench.cli.doctor;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.report.StepSummary;
import dev.bitbench.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bitbench doctor}: is this machine and checkout fit to measure? One line a check, with a fix hint. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check the JDK, Vector API, CPU, memory, disk, frequency scaling, load, fixtures, store,"
                    + " browser and reference engine; each line OK, WARN or FAIL with a fix hint.",
            "Exits 1 when any check FAILs. In GitHub Actions the table is appended to $GITHUB_STEP_SUMMARY."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  bitbench doctor", "  bitbench doctor --format json --db jdbc:sqlite:/tmp/h.db"})
public final class DoctorCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        human,
        json
    }

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = "human",
            description = "human or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of the run history (default: $BITBENCH_DB, else " + RunStore.DEFAULT_URL + ").")
    String db;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Project directory holding .bitbench/ (default: the current directory).")
    Path dir;

    @Option(
            names = "--no-step-summary",
            negatable = true,
            defaultValue = "true",
            description = "Append a Markdown table to $GITHUB_STEP_SUMMARY when it is set (default: on).")
    boolean stepSummary;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DoctorReport report = new DoctorReport(
                DoctorChecks.ofThisMachine(dir.toAbsolutePath().normalize(), db).run());
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? report.json() : report.human());
        out.flush();
        if (stepSummary) {
            try {
                new StepSummary(System.getenv()).append(report.markdown());
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot write the step summary: " + e.getMessage(), e));
            }
        }
        return report.failed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
