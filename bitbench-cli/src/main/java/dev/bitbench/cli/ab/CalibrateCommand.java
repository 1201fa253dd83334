package dev.bitbench.cli.ab;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.CalibrationOption;
import dev.bitbench.core.ab.BenchmarkNoise;
import dev.bitbench.core.ab.NoiseCalibration;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.PairedRounds;
import dev.bitbench.core.ab.PairedSamples;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.result.AtomicFileWriter;
import dev.bitbench.suite.SlowdownInjection;
import dev.bitbench.suite.SlowdownRules;
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
            "--inject PCT [--inject-benchmark ID|REGEX] slows those benchmarks down by PCT %% in B through the"
                    + " suite's test-only hook (environment BITBENCH_INJECT_SLOWDOWN=ID:PCT, inherited by the"
                    + " benchmark forks; kernels, quant, bitlinear and inference benchmarks) and reports whether it was"
                    + " detected.",
            "Writes calibration.json and calibration.md to --output and prints the Markdown."
        })
public final class CalibrateCommand implements Callable<Integer> {

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

    @Option(
            names = "--inject",
            paramLabel = "PCT",
            description = "Slow the benchmarks of --inject-benchmark down by PCT %% in B, through the suite's"
                    + " test-only hook, and report whether each slowdown was detected.")
    Double inject;

    @Option(
            names = "--inject-benchmark",
            paramLabel = "ID|REGEX",
            description = "The benchmarks slowed down by --inject: an id, or a regex matching whole ids (default:"
                    + " every selected benchmark; the others give the A/A noise).")
    String injectBenchmark;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Directory of calibration.json and calibration.md (default: BITBENCH_RESULTS, else"
                    + " bitbench-results, where check and ab look for calibration.json).")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The trial runner; replaced in tests. */
    TrialExecutor executor;

    @Override
    public Integer call() throws Exception {
        if (injectBenchmark != null && inject == null) {
            throw new UsageError("--inject-benchmark needs --inject PCT");
        }
        if (inject != null && !(inject > 0.0 && inject <= 100.0)) {
            throw new UsageError("--inject " + inject + ": expected a slowdown in % in (0, 100]");
        }
        String selector = injectBenchmark != null ? injectBenchmark : ".*";
        SlowdownRules rules = SlowdownRules.NONE;
        String injectValue = null;
        if (inject != null) {
            injectValue = selector + ":" + String.format(Locale.ROOT, "%s", inject);
            try {
                rules = SlowdownRules.parse(injectValue);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--inject-benchmark " + selector + ": " + e.getMessage());
            }
        }
        if (!(target > 0.0)) {
            throw new UsageError("--target " + target + ": expected an effect in % > 0");
        }
        Path jarPath = jar != null ? CurrentJar.requireJar("--jar", jar) : CurrentJar.locate("--jar");
        String java = CurrentJar.java();
        Version a = Version.ofJar("A", jarPath, java);
        Version b = Version.ofJar("B", jarPath, java);
        if (injectValue != null) {
            // the environment, not a -D: `run` starts its benchmark JVMs with their own options
            b = b.with("B", List.of(), Map.of(SlowdownInjection.ENV, injectValue));
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
                if (!(rules.percentFor(p.benchmarkId()) > 0.0)) {
                    aa.add(p);
                }
            }
            NoiseCalibration calibration = NoiseCalibration.withDefaults(config);
            List<BenchmarkNoise> noise = calibration.calibrate(aa);
            List<Integer> needed = new ArrayList<>();
            for (BenchmarkNoise n : noise) {
                needed.add(calibration.roundsFor(n.pairedCvPercent(), target));
            }
            SlowdownRules injectedRules = rules;
            List<PairedComparison> injected = ab.comparisons().stream()
                    .filter(c -> injectedRules.percentFor(c.benchmarkId()) > 0.0)
                    .toList();
            if (inject != null && injected.isEmpty()) {
                err.println("bitbench: warning: --inject-benchmark " + selector
                        + " matches none of the benchmarks measured; nothing was slowed down");
            }
            CalibrationReport report = new CalibrationReport(
                    ab,
                    noise,
                    target,
                    needed,
                    inject == null ? null : selector,
                    inject == null ? Double.NaN : inject,
                    injected);
            Path output = this.output != null
                    ? this.output
                    : CalibrationOption.defaultFile().getParent();
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
