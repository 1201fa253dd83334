package dev.bitbench.cli.compare;

import dev.bitbench.core.baseline.RunSamples;
import dev.bitbench.core.detect.ComparisonReport;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.RegressionDetector;
import dev.bitbench.core.detect.Thresholds;
import dev.bitbench.core.result.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bitbench compare BASELINE CURRENT}: two runs compared benchmark by benchmark. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares two runs benchmark by benchmark and metric by metric: ratio of medians with a seeded"
                    + " bootstrap interval, Mann-Whitney U, Benjamini-Hochberg; levels CRITICAL, WARNING,"
                    + " IMPROVEMENT, STABLE, INCONCLUSIVE, NEW, MISSING.",
            "Inputs: run directories, performance-report.json files, JMH, Criterion, Google Benchmark,"
                    + " hyperfine or llama-bench output, or run ids of the history (--db).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench compare bitbench-results/run-a bitbench-results/run-b",
            "  bitbench compare old.json new.json --format markdown --output comment.md",
            "  bitbench compare base/ head/ --thresholds thresholds.json --fail-on-regression",
            "  bitbench compare 20261122T090000Z-1a2b3c4 20261123T101233Z-f8fe249   (run ids of the history)",
            "",
            "Exit codes: 0 no blocking regression (or no gate), 1 I/O failure, 2 invalid input,"
                    + " 3 regression with --fail-on-regression / --fail-on."
        })
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The reference run.")
    String baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The run under test.")
    String current;

    @Mixin
    DetectionOptions detection;

    @Mixin
    ReportOutput output;

    @Mixin
    HistoryOptions history;

    @Spec
    CommandSpec spec;

    private final RunSource runs;

    /** The command resolving runs as paths, then as run ids of the history ({@code --db}). */
    public CompareCommand() {
        this(null);
    }

    /** The command resolving runs through {@code runs} instead. */
    public CompareCommand(RunSource runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        if (runs != null) {
            return compare(runs);
        }
        try (StoreRunSource source = history.source()) {
            return compare(source);
        }
    }

    private int compare(RunSource runs) throws Exception {
        Level gate = detection.gate();
        var formatter = output.formatter();
        DetectorConfig config = detection.config(Thresholds.defaults());
        RunResult base = runs.resolve(baseline);
        RunResult cur = runs.resolve(current);
        ComparisonReport report = new RegressionDetector(config).compare(RunSamples.of(base), RunSamples.of(cur));
        String text = formatter.format(report);
        output.write(text, report, spec.commandLine().getOut());
        ReportOutput.warnIfNothingCompared(report, spec.commandLine().getErr());
        ReportOutput.reportGate(report, gate, spec.commandLine().getErr());
        return ReportOutput.exitCode(report, gate);
    }
}
