package dev.bitbench.cli.ab;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.core.ab.TrialSchedule;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.result.AtomicFileWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bitbench ab}: two versions measured in interleaved (or duet) rounds, with a paired verdict. */
@Command(
        name = "ab",
        mixinStandardHelpOptions = true,
        description = {
            "Compares two versions on this machine in the same time window: every round runs each selected"
                    + " benchmark once for A and once for B, in a freshly shuffled order (interleaved), or both at"
                    + " once on the two halves of the cores (duet). Each trial is its own process.",
            "The verdict uses the per-round ratios B/A: Wilcoxon signed-rank test, bootstrap CI of the median"
                    + " ratio, Benjamini-Hochberg across benchmarks, and the levels and thresholds of `check`.",
            "Ctrl-C stops after the current trial and reports the rounds done, marked partial."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench ab --baseline old/bitbench.jar --candidate bitbench-cli/target/bitbench.jar"
                    + " --filter 'kernels.dot' --rounds 10",
            "  bitbench ab --jvm-a /opt/jdk17/bin/java --jvm-b /opt/jdk21/bin/java --filter matmul --mode duet",
        })
public final class AbCommand implements Callable<Integer> {

    @Option(names = "--baseline", paramLabel = "JAR", description = "bitbench.jar of version A (default: this one).")
    String baseline;

    @Option(names = "--candidate", paramLabel = "JAR", description = "bitbench.jar of version B (default: this one).")
    String candidate;

    @Option(names = "--jvm-a", paramLabel = "JAVA", description = "java executable of A (default: this JVM's).")
    String jvmA;

    @Option(names = "--jvm-b", paramLabel = "JAVA", description = "java executable of B (default: this JVM's).")
    String jvmB;

    @Option(names = "--filter", paramLabel = "REGEX", defaultValue = ".", description = "Benchmark ids (default: all).")
    String filter;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "10", description = "Rounds (default: 10).")
    int rounds;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "interleaved",
            description = "interleaved | duet (default: interleaved).")
    String mode;

    @Option(
            names = "--profile",
            paramLabel = "P",
            defaultValue = "smoke",
            description = "Run profile (default: smoke).")
    String profile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: 42).")
    long seed;

    @Option(names = "--fail-on-regression", description = "Exit 3 when a blocking benchmark regressed.")
    boolean failOnRegression;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "critical",
            description = "Level that fails with --fail-on-regression: critical | warning (default: critical).")
    String failOn;

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = "human",
            description = "human | json | markdown (default: human).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The trial runner; replaced in tests. */
    TrialExecutor executor;

    @Override
    public Integer call() throws Exception {
        if (baseline == null && candidate == null && jvmA == null && jvmB == null) {
            throw new UsageError("nothing to compare: give --baseline and --candidate jars, or --jvm-a and --jvm-b");
        }
        TrialSchedule.Mode m = parseMode(mode);
        Level gate = parseFailOn(failOn);
        AbFormat renderer = AbFormat.named(format);
        String javaA = jvmA != null ? jvmA : CurrentJar.java();
        String javaB = jvmB != null ? jvmB : CurrentJar.java();
        Path jarA = baseline != null ? CurrentJar.requireJar("--baseline", baseline) : null;
        Path jarB = candidate != null ? CurrentJar.requireJar("--candidate", candidate) : null;
        if (jarA == null || jarB == null) {
            Path self = CurrentJar.locate(jarA == null ? "--baseline" : "--candidate");
            jarA = jarA == null ? self : jarA;
            jarB = jarB == null ? self : jarB;
        }
        PrintWriter err = spec.commandLine().getErr();
        ProcessTrialExecutor real = null;
        if (executor == null) {
            real = new ProcessTrialExecutor(
                    profile, seed, Path.of(System.getProperty("java.io.tmpdir"), "bitbench-ab"));
        }
        TrialExecutor trials = executor != null ? executor : real;
        Version a = Version.ofJar("A", jarA, javaA);
        Version b = Version.ofJar("B", jarB, javaB);
        try (Interruption interruption = new Interruption()) {
            AbService service =
                    new AbService(trials, Clock.systemUTC(), err, interruption.stop(), real != null && real.pins());
            AbReport report = service.run(new AbService.Request(
                    a, b, filter, rounds, m, profile, DetectorConfig.defaults().withSeed(seed)));
            String text = renderer.render(report);
            if (output != null) {
                AtomicFileWriter.write(output, text);
                err.println("Wrote " + output);
                err.flush();
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            interruption.reported();
            return failOnRegression && report.fails(gate) ? ExitCodes.REGRESSION : ExitCodes.OK;
        }
    }

    static TrialSchedule.Mode parseMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "interleaved" -> TrialSchedule.Mode.INTERLEAVED;
            case "duet" -> TrialSchedule.Mode.DUET;
            default -> throw new UsageError("--mode " + value + ": expected interleaved or duet");
        };
    }

    static Level parseFailOn(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "critical" -> Level.CRITICAL;
            case "warning" -> Level.WARNING;
            default -> throw new UsageError("--fail-on " + value + ": expected critical or warning");
        };
    }
}
