package dev.bitbench.cli;

import dev.bitbench.cli.ab.AbCommand;
import dev.bitbench.cli.ab.CalibrateCommand;
import dev.bitbench.cli.baseline.BaselineCommand;
import dev.bitbench.cli.compare.CheckCommand;
import dev.bitbench.cli.compare.CompareCommand;
import dev.bitbench.cli.doctor.DoctorCommand;
import dev.bitbench.cli.doctor.SetupCommand;
import dev.bitbench.cli.history.HistoryCommand;
import dev.bitbench.cli.history.TrendCommand;
import dev.bitbench.cli.imports.ImportCommand;
import dev.bitbench.cli.inference.FixturesCommand;
import dev.bitbench.cli.inference.GenerateCommand;
import dev.bitbench.cli.report.ReportCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code bitbench} command: benchmarks, regression detection and reports for low-bit ML code. */
@Command(
        name = "bitbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Benchmarking and performance-regression detection for low-bit ML kernels and inference" + " on the JVM.",
            ""
        },
        subcommands = {
            RunCommand.class,
            CompareCommand.class,
            CheckCommand.class,
            BaselineCommand.class,
            HistoryCommand.class,
            TrendCommand.class,
            ImportCommand.class,
            AbCommand.class,
            CalibrateCommand.class,
            ReportCommand.class,
            DoctorCommand.class,
            SetupCommand.class,
            FixturesCommand.class,
            dev.bitbench.cli.crossval.CrossvalCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success, no regression",
            "  1  run, I/O or store failure",
            "  2  invalid input or usage",
            "  3  regression found (with --fail-on-regression)",
            "",
            "Documentation: docs/ in the BitBench repository."
        })
public final class BitBench implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the shared error handling. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new BitBench());
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        return cmd;
    }

    /** Runs a command and returns its exit code, without exiting; for tests and embedding. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    /** Whether this JVM runs as the {@code bitbench} program, writing to the real stdout/stderr. */
    private static volatile boolean systemStreams;

    /** Whether {@code cmd} writes to the process's own streams (so a progress bar may draw). */
    static boolean usesSystemStreams(CommandLine cmd) {
        return systemStreams;
    }

    public static void main(String[] args) {
        systemStreams = true;
        // OSHI logs through SLF4J; without a binding SLF4J warns on every start. Errors still show.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(commandLine().execute(args));
    }
}
