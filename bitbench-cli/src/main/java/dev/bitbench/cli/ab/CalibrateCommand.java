package dev.bitbench.cli.ab;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.core.ab.BenchmarkNoise;
import dev.bitbench.core.ab.NoiseCalibration;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.PairedRounds;
import dev.bitbench.core.ab.PairedSamples;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.result.AtomicFileWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bitbench calibrate}: an A/A experiment with this build, and what it says about the machine's
 * noise (CV, false-positive rate, minimum detectable effect, rounds needed).
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the same build against itself in interleaved rounds (A/A) and reports, per benchmark, the"
                    + " coefficient of variation, the false-positive rate and the minimum detectable effect at 95%%"
                    + " power (resampling the A/A pairs with injected shifts of 1, 2, 3, 5, 10, 20%%), and the rounds"
                    + " needed for --target.",
            "--inject PCT --inject-benchmark ID slows ID down by PCT in B through the suite's test-only hook"
                    + " (-Dbitbench.inject.slowdown=ID:PCT, also BITBENCH_INJECT_SLOWDOWN) and reports whether"
                    + " it was detected.",
            "Writes calibration.json and calibration.md to --output and prints the Markdown."
        })
public final class CalibrateCommand implements Callable<Integer> {

    /** The system property read by the suite's slowdown hook: {@code <benchmark id>:<percent>}. */
    public static final String INJECT_PROPERTY = "bitbench.inject.slowdown";

    /** The environment variable with the same value, inherited by the run's benchmark forks. */
    public static final String INJECT_ENV = "BITBENCH_INJECT_SLOWDOWN";

    @Option(names = "--jar", paramLabel = "JAR", description = "bitbench.jar to calibrate (default: this one).")
    String jar;

    @Option(names = "--filter", paramLabel = "REGEX", defaultValue = ".", description = "Benchmark ids (default: all).")
    String filter;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "10", description = "A/A rounds (default: 10).")
    int rounds;

    @Option(
            names = "--profile",
            paramLabel = "P",
            defaultValue = "smoke",
            description = "Run profile (default: smoke).")
    String profile;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "interleaved", description = "interleaved | duet.")
    String mode;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: 42).")
    long seed;

    @Option(
            names = "--target",
            paramLabel = "PCT",
            defaultValue = "3",
            description = "Effect in %% for the rounds recommendation (default: 3).")
    double target;

    @Option(names = "--inject", paramLabel = "PCT", description = "Slow --inject-benchmark down by PCT %% in B.")
    Double inject;

    @Option(names = "--inject-benchmark", paramLabel = "ID", description = "The benchmark slowed down by --inject.")
    String injectBenchmark;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            defaultValue = "bitbench-results",
            description = "Directory of calibration.json and calibration.md (default: bitbench-results).")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The trial runner; replaced in tests. */
    TrialExecutor executor;

    @Override
    public Integer call() throws Exception {
        if ((inject == null) != (injectBenchmark == null)) {
            throw new UsageError("--inject PCT and --inject-benchmark ID go together");
        }
        if (inject != null && !(inject > 0.0 && inject <= 100.0)) {
            throw new UsageError("--inject " + inject + ": expected a slowdown in % in (0, 100]");
        }
        if (!(target > 0.0)) {
            throw new UsageError("--target " + target + ": expected an effect in % > 0");
        }
        Path jarPath = jar != null ? CurrentJar.requireJar("--jar", jar) : CurrentJar.locate("--jar");
        String java = CurrentJar.java();
        Version a = Version.ofJar("A", jarPath, java);
        Version b = Version.ofJar("B", jarPath, java);
        if (inject != null) {
            String value = injectBenchmark + ":" + String.format(Locale.ROOT, "%s", inject);
            b = b.with("B", List.of("-D" + INJECT_PROPERTY + "=" + value), Map.of(INJECT_ENV, value));
        }
        PrintWriter err = spec.commandLine().getErr();
        ProcessTrialExecutor real = executor == null
                ? new ProcessTrialExecutor(profile, seed, Path.of(System.getProperty("java.io.tmpdir"), "bitbench-ab"))
                : null;
        TrialExecutor trials = executor != null ? executor : real;
        DetectorConfig config = DetectorConfig.defaults().withSeed(seed);
        try (Interruption interruption = new Interruption()) {
            AbReport ab = new AbService(
                            trials, Clock.systemUTC(), err, interruption.stop(), real != null && real.pins())
                    .run(new AbService.Request(a, b, filter, rounds, AbCommand.parseMode(mode), profile, config));
            List<PairedSamples> aa = new ArrayList<>();
            for (PairedSamples p : PairedRounds.assemble(ab.trials())) {
                if (!p.benchmarkId().equals(injectBenchmark)) {
                    aa.add(p);
                }
            }
            NoiseCalibration calibration = NoiseCalibration.withDefaults(config);
            List<BenchmarkNoise> noise = calibration.calibrate(aa);
            List<Integer> needed = new ArrayList<>();
            for (BenchmarkNoise n : noise) {
                needed.add(calibration.roundsFor(n.pairedCvPercent(), target));
            }
            List<PairedComparison> injected = ab.comparisons().stream()
                    .filter(c -> c.benchmarkId().equals(injectBenchmark))
                    .toList();
            CalibrationReport report = new CalibrationReport(
                    ab, noise, target, needed, injectBenchmark, inject == null ? Double.NaN : inject, injected);
            Files.createDirectories(output);
            AtomicFileWriter.write(output.resolve("calibration.json"), CalibrationFormat.json(report));
            String markdown = CalibrationFormat.markdown(report);
            AtomicFileWriter.write(output.resolve("calibration.md"), markdown);
            spec.commandLine().getOut().print(markdown);
            spec.commandLine().getOut().flush();
            err.println("Wrote " + output.resolve("calibration.json") + " and calibration.md");
            err.flush();
            interruption.reported();
            return ExitCodes.OK;
        }
    }
}
