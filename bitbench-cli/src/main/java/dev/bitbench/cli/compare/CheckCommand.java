package dev.bitbench.cli.compare;

import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.baseline.BaselineFiles;
import dev.bitbench.core.ab.CalibrationLimits;
import dev.bitbench.core.ab.NoiseCalibration;
import dev.bitbench.core.baseline.BaselinePooling;
import dev.bitbench.core.baseline.Baselines;
import dev.bitbench.core.baseline.PlatformBaseline;
import dev.bitbench.core.baseline.RunSamples;
import dev.bitbench.core.detect.Comparison;
import dev.bitbench.core.detect.ComparisonJsonFormat;
import dev.bitbench.core.detect.ComparisonReport;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.MetricSamples;
import dev.bitbench.core.detect.RegressionDetector;
import dev.bitbench.core.detect.Thresholds;
import dev.bitbench.core.result.AtomicFileWriter;
import dev.bitbench.core.result.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bitbench check [RUN]}: the regression detector. Compares a run (default the latest) against
 * its platform's baselines, or another run, and writes {@code regression-analysis.json} into the run
 * directory.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a run for regressions against the baselines of its platform (baselines.json), the"
                    + " history of earlier runs, or another run, and writes regression-analysis.json into the run directory.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench check --fail-on-regression",
            "  bitbench check bitbench-results/20261123T101233Z-f8fe249 --baselines ci/baselines.json",
            "  bitbench check --against bitbench-results/main-run --format markdown --output comment.md",
            "",
            "Exit codes: 0 no blocking regression (or no gate), 1 I/O failure, 2 invalid input"
                    + " (including a platform missing from the baselines), 3 regression with"
                    + " --fail-on-regression / --fail-on."
        })
public final class CheckCommand implements Callable<Integer> {

    /** The file written into the run directory: {@value}. */
    public static final String ANALYSIS_FILE = "regression-analysis.json";

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "RUN",
            description = "The run to check (default: BITBENCH_RESULTS/latest, else bitbench-results/latest).")
    String run;

    @Option(
            names = "--against",
            paramLabel = "baseline|history|RUN",
            description = "baseline (default: the baselines file), history (the newest earlier runs of the"
                    + " platform in the history, pooled; see --history-runs) or a run to compare with.")
    String against = "baseline";

    @Option(
            names = "--platform",
            paramLabel = "P",
            description = "Baseline platform key, e.g. linux-x86_64 (default: the run's own platform).")
    String platform;

    @Option(
            names = "--baselines",
            paramLabel = "FILE",
            description = "Baselines file, bitbench/baselines/v1 or BitNet.rs-style (default: baselines.json).")
    Path baselines = Path.of("baselines.json");

    @Mixin
    DetectionOptions detection;

    @Mixin
    ReportOutput output;

    @Mixin
    HistoryOptions history;

    @Mixin
    CalibrationOption calibration;

    @Option(
            names = "--history-runs",
            paramLabel = "N",
            description = "With --against history: pool the newest N earlier runs of the platform (default: 5).")
    int historyRuns = 5;

    @Spec
    CommandSpec spec;

    private final RunSource runs;

    /** The command resolving runs as paths, then as run ids of the history ({@code --db}). */
    public CheckCommand() {
        this(null);
    }

    /** The command resolving runs through {@code runs} instead ({@code --against history} then needs a {@link StoreRunSource}). */
    public CheckCommand(RunSource runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        if (runs != null) {
            return check(runs);
        }
        try (StoreRunSource source = history.source()) {
            return check(source);
        }
    }

    private int check(RunSource runs) throws Exception {
        Level gate = detection.gate();
        var formatter = output.formatter();
        String runRef = run != null ? run : LatestRun.resolve().toString();
        RunResult current = runs.resolve(runRef);
        List<MetricSamples> currentSamples = RunSamples.of(current);
        List<MetricSamples> reference;
        DetectorConfig config;
        if (against.equals("history")) {
            reference = historyBaseline(runs, current).toMetricSamples();
            config = detection.config(Thresholds.defaults());
        } else if (against.equals("baseline")) {
            Baselines file = BaselineFiles.readExisting(baselines);
            String key = platform != null ? platform : current.system().platform();
            PlatformBaseline base = BaselineFiles.platform(file, baselines, key);
            reference = base.toMetricSamples(currentSamples);
            config = detection.config(file.parsedThresholds());
        } else {
            reference = RunSamples.of(runs.resolve(against));
            config = detection.config(Thresholds.defaults());
        }
        CalibrationLimits limits = calibration.load();
        ComparisonReport report = new RegressionDetector(config).compare(reference, currentSamples);
        String analysis = new ComparisonJsonFormat().format(report);
        String text = formatter.format(report);
        List<CalibrationLimits.Shortfall> shortfalls = shortfalls(report, limits, config);
        if (output.isMarkdown() && limits != null) {
            text += CalibrationOption.markdown(shortfalls, limits);
        }
        Path runDir = PathRunSource.runDirectory(runRef);
        if (runDir != null) {
            AtomicFileWriter.write(runDir.resolve(ANALYSIS_FILE), analysis);
        } else {
            spec.commandLine()
                    .getErr()
                    .println("bitbench: " + runRef + " is not a run directory; " + ANALYSIS_FILE + " not written");
        }
        output.write(text, report, spec.commandLine().getOut());
        if (limits != null) {
            CalibrationOption.warn(shortfalls, limits, spec.commandLine().getErr());
        }
        ReportOutput.warnIfNothingCompared(report, spec.commandLine().getErr());
        ReportOutput.reportGate(report, gate, spec.commandLine().getErr());
        return ReportOutput.exitCode(report, gate);
    }

    /** The compared metrics whose warning threshold is finer than the calibration resolved. */
    static List<CalibrationLimits.Shortfall> shortfalls(
            ComparisonReport report, CalibrationLimits limits, DetectorConfig config) {
        List<CalibrationLimits.Shortfall> out = new ArrayList<>();
        if (limits == null) {
            return out;
        }
        NoiseCalibration noise = NoiseCalibration.withDefaults(config);
        for (Comparison c : report.comparisons()) {
            CalibrationLimits.Shortfall s = limits.check(c.benchmarkId(), c.metric(), c.warningPercent(), noise);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The newest earlier stored runs of the run's platform, pooled. */
    private PlatformBaseline historyBaseline(RunSource runs, RunResult current) {
        if (!(runs instanceof StoreRunSource store)) {
            throw new UsageError("--against history needs the run history; use --against baseline or --against RUN");
        }
        if (historyRuns < 1) {
            throw new UsageError("--history-runs " + historyRuns + ": expected a number of runs >= 1");
        }
        List<RunResult> earlier = store.recent(current, historyRuns);
        if (earlier.isEmpty()) {
            throw new UsageError("--against history: the history (" + store.url() + ") holds no run of platform "
                    + current.system().platform() + " before " + current.run().id()
                    + "; store runs with `bitbench run` or `bitbench import`, or use --against baseline");
        }
        spec.commandLine()
                .getErr()
                .println("bitbench: against " + earlier.size() + " earlier run" + (earlier.size() == 1 ? "" : "s")
                        + " of " + current.system().platform() + " from the history, newest "
                        + earlier.get(0).run().id());
        return BaselinePooling.pool(earlier, Instant.EPOCH);
    }
}
