package dev.bitbench.cli.ab;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.CalibrationOption;
import dev.bitbench.cli.compare.DetectionOptions;
import dev.bitbench.core.ab.CalibrationLimits;
import dev.bitbench.core.ab.NoiseCalibration;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.TrialSchedule;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.Thresholds;
import dev.bitbench.core.result.AtomicFileWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "  bitbench ab --baseline main --candidate HEAD --filter '^kernels\\.add/' --rounds 10",
            "  bitbench ab --jvm-a /opt/jdk17/bin/java --jvm-b /opt/jdk21/bin/java --filter matmul --mode duet",
        })
public final class AbCommand implements Callable<Integer> {

    @Option(
            names = "--baseline",
            paramLabel = "REF|JAR",
            description = "Version A: a bitbench.jar, a BitBench checkout with a built jar, or a git ref of this"
                    + " repository, built in a temporary worktree (default: this jar).")
    String baseline;

    @Option(
            names = "--candidate",
            paramLabel = "REF|JAR",
            description = "Version B, as --baseline (default: this jar).")
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

    @Option(
            names = "--thresholds",
            paramLabel = "FILE",
            description = "Thresholds file (JSON) as for check and compare (default: the detector's defaults).")
    Path thresholdsFile;

    @Mixin
    CalibrationOption calibration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The trial runner; replaced in tests. */
    TrialExecutor executor;

    /** Where relative paths and git refs are resolved; the working directory except in tests. */
    Path workingDirectory = Path.of("");

    @Override
    public Integer call() throws Exception {
        if (baseline == null && candidate == null && jvmA == null && jvmB == null) {
            throw new UsageError(
                    "nothing to compare: give --baseline and --candidate (jars or git refs), or --jvm-a and --jvm-b");
        }
        TrialSchedule.Mode m = parseMode(mode);
        Level gate = parseFailOn(failOn);
        AbFormat renderer = AbFormat.named(format);
        Thresholds thresholds =
                thresholdsFile == null ? Thresholds.defaults() : DetectionOptions.readThresholds(thresholdsFile);
        CalibrationLimits limits = calibration.load();
        DetectorConfig config =
                DetectorConfig.defaults().withThresholds(thresholds).withSeed(seed);
        String javaA = jvmA != null ? jvmA : CurrentJar.java();
        String javaB = jvmB != null ? jvmB : CurrentJar.java();
        Path here = workingDirectory.toAbsolutePath();
        VersionSource sourceA = baseline != null ? VersionSource.resolve("--baseline", baseline, here) : null;
        VersionSource sourceB = candidate != null ? VersionSource.resolve("--candidate", candidate, here) : null;
        PrintWriter err = spec.commandLine().getErr();
        try (VersionBuilds builds = new VersionBuilds(here, err)) {
            Path jarA = sourceA != null ? builds.jar("A", sourceA) : null;
            Path jarB = sourceB != null ? builds.jar("B", sourceB) : null;
            if (jarA == null || jarB == null) {
                Path self = CurrentJar.locate(jarA == null ? "--baseline" : "--candidate");
                jarA = jarA == null ? self : jarA;
                jarB = jarB == null ? self : jarB;
            }
            return compare(
                    Version.ofJar("A", jarA, javaA),
                    Version.ofJar("B", jarB, javaB),
                    m,
                    gate,
                    renderer,
                    config,
                    limits,
                    err);
        }
    }

    private int compare(
            Version a,
            Version b,
            TrialSchedule.Mode m,
            Level gate,
            AbFormat renderer,
            DetectorConfig config,
            CalibrationLimits limits,
            PrintWriter err)
            throws Exception {
        ProcessTrialExecutor real = null;
        if (executor == null) {
            real = new ProcessTrialExecutor(
                    profile, seed, Path.of(System.getProperty("java.io.tmpdir"), "bitbench-ab"));
        }
        TrialExecutor trials = executor != null ? executor : real;
        try (Interruption interruption = new Interruption()) {
            AbService service =
                    new AbService(trials, Clock.systemUTC(), err, interruption.stop(), real != null && real.pins());
            AbReport report = service.run(new AbService.Request(a, b, filter, rounds, m, profile, config));
            List<CalibrationLimits.Shortfall> shortfalls = shortfalls(report, limits, config);
            String text = renderer.render(report);
            if (limits != null && renderer instanceof AbMarkdownFormat) {
                text += CalibrationOption.markdown(shortfalls, limits);
            }
            if (output != null) {
                AtomicFileWriter.write(output, text);
                err.println("Wrote " + output);
                err.flush();
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            if (limits != null) {
                CalibrationOption.warn(shortfalls, limits, err);
            }
            interruption.reported();
            return exitCode(report, failOnRegression, gate);
        }
    }

    /** {@link ExitCodes#REGRESSION} when the gate is on and a blocking comparison fails it, else OK. */
    static int exitCode(AbReport report, boolean failOnRegression, Level gate) {
        return failOnRegression && report.fails(gate) ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** The compared metrics whose warning threshold is finer than the calibration resolved. */
    static List<CalibrationLimits.Shortfall> shortfalls(
            AbReport report, CalibrationLimits limits, DetectorConfig config) {
        List<CalibrationLimits.Shortfall> out = new ArrayList<>();
        if (limits == null) {
            return out;
        }
        NoiseCalibration noise = NoiseCalibration.withDefaults(config);
        for (PairedComparison c : report.comparisons()) {
            CalibrationLimits.Shortfall s = limits.check(c.benchmarkId(), c.metric(), c.warningPercent(), noise);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
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
