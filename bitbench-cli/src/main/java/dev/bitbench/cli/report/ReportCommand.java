package dev.bitbench.cli.report;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.StoreRunSource;
import dev.bitbench.cli.history.DetectorOptions;
import dev.bitbench.cli.history.SinceParser;
import dev.bitbench.core.result.AtomicFileWriter;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.report.BadgeSvgFormat;
import dev.bitbench.report.ChartImages;
import dev.bitbench.report.CsvReportFormat;
import dev.bitbench.report.HtmlReportFormat;
import dev.bitbench.report.MarkdownReportFormat;
import dev.bitbench.report.ReportDataJson;
import dev.bitbench.report.ReportFormat;
import dev.bitbench.report.ReportInput;
import dev.bitbench.report.StepSummary;
import dev.bitbench.report.TrendSection;
import dev.bitbench.store.HistoryQuery;
import dev.bitbench.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bitbench report}: a report of a run, a comparison, or both, in one of several formats. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a report of a run directory, a performance-report.json and/or a comparison JSON"
                    + " (bitbench/comparison/v1, e.g. regression-analysis.json).",
            "--trend GLOB adds trends from the history (--db): a line chart per benchmark and metric with its"
                    + " change points marked, and a table of the change points; alone, the report is of the trends."
                    + " --with-trend adds the trends of the run's own benchmarks on its platform.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench report bitbench-results/latest            # <run dir>/report.html",
            "  bitbench report run/ --format md --output -        # Markdown on stdout",
            "  bitbench report run/ --format png --chart speedup  # writes run/speedup.png",
            "  bitbench report cmp.json --format badge --output perf.svg",
            "  bitbench report --trend 'kernels.matmul/*' --metric time  # trends.html",
            "  bitbench report bitbench-results/latest --with-trend     # run + its trends",
            "",
            "Charts for png/svg: " + ChartImages.NAMES + ".",
            "With GITHUB_STEP_SUMMARY set (GitHub Actions), html, md, csv and json",
            "also append the Markdown summary to the job summary."
        })
public final class ReportCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        html,
        md,
        csv,
        json,
        png,
        svg,
        badge
    }

    @Parameters(
            arity = "0..*",
            paramLabel = "INPUT",
            description = "A run directory (or bitbench-results/latest), performance-report.json, comparison JSON, or"
                    + " the id of a run in the history (--db).")
    List<Path> inputs;

    @Option(
            names = "--format",
            defaultValue = "html",
            description = "html (default), md, csv, json, png, svg or badge.")
    Format format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write; '-' for stdout (text formats). Default: report.html etc. in the run"
                    + " directory when one is given, else in the current directory; <chart>.png|svg for charts.")
    String output;

    @Option(names = "--chart", paramLabel = "NAME", description = "The chart to export with png or svg.")
    String chart;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description =
                    "History database for run ids and trends (default: BITBENCH_DB, else jdbc:sqlite:.bitbench/history.db).")
    String db;

    @Option(
            names = "--trend",
            paramLabel = "GLOB",
            description = "Trends from the history of the benchmarks matching GLOB (* and ? wildcards, '*' for"
                    + " all), with change points marked.")
    String trend;

    @Option(
            names = "--with-trend",
            description = "Add the trends of the run's own benchmarks on the run's platform from the history.")
    boolean withTrend;

    @Option(
            names = "--metric",
            paramLabel = "M",
            description = "Trends of this metric only, e.g. time, throughput (default: every metric).")
    String metric;

    @Option(
            names = "--platform",
            paramLabel = "P",
            description = "Trends of this platform only (default: the run's platform; without a run, each"
                    + " platform is its own series).")
    String platform;

    @Option(names = "--branch", paramLabel = "B", description = "Trends of runs of this git branch only.")
    String branch;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Trends of runs since DATE only (2026-01-31, an ISO instant, or 30d).")
    String since;

    @Option(
            names = "--window",
            paramLabel = "N",
            defaultValue = "0",
            description = "Trends of the newest N runs of each series only (default: all).")
    int window;

    @Option(
            names = "--detect",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Mark change points in the trends (E-Divisive means; default: on; --no-detect: off).")
    boolean detect;

    @Mixin
    DetectorOptions detection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    /** The command reading the process environment. */
    public ReportCommand() {
        this(System.getenv());
    }

    /** The command with a given environment (for {@code GITHUB_STEP_SUMMARY}); for tests. */
    ReportCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws IOException {
        List<Path> given = inputs == null ? List.of() : inputs;
        if (given.isEmpty() && trend == null) {
            throw new UsageError("nothing to report: give a run directory, performance-report.json, comparison JSON,"
                    + " run id, or --trend GLOB");
        }
        if (window < 0) {
            throw new UsageError("--window must be >= 0, was " + window);
        }
        if (trend == null
                && !withTrend
                && (metric != null || platform != null || branch != null || since != null || window != 0)) {
            throw new UsageError("--metric, --platform, --branch, --since and --window select trends: add --trend GLOB"
                    + " or --with-trend");
        }
        String url = RunStore.resolveUrl(db, environment);
        ReportInputLoader loaded = null;
        ReportInput input = null;
        if (!given.isEmpty()) {
            try (StoreRunSource history = new StoreRunSource(url)) {
                loaded = ReportInputLoader.load(given, history);
            }
            input = loaded.input();
        }
        if (trend != null || withTrend) {
            TrendSection section = trends(url, input == null ? null : input.run());
            input = input == null ? new ReportInput(null, null, section) : input.withTrends(section);
        }
        if (input.run() == null
                && input.comparison() == null
                && EnumSet.of(Format.csv, Format.png, Format.svg, Format.badge).contains(format)) {
            throw new UsageError(
                    "--format " + format + " needs a run or a comparison; a trend report is html, md or json");
        }
        byte[] bytes;
        String defaultName;
        if (format == Format.png || format == Format.svg) {
            if (input.run() == null) {
                throw new UsageError(
                        "--format " + format + " needs a run (a run directory or " + "performance-report.json)");
            }
            ChartImages charts = new ChartImages(input.run());
            if (chart == null) {
                throw new UsageError("--format " + format + " needs --chart NAME; this run has: "
                        + String.join(", ", charts.available()));
            }
            bytes = charts.render(chart, format == Format.png ? ChartImages.Encoding.PNG : ChartImages.Encoding.SVG);
            defaultName = chart + "." + format;
        } else {
            if (chart != null) {
                throw new UsageError("--chart applies to --format png or svg, not " + format);
            }
            ReportFormat formatter = formatter(format);
            bytes = formatter.format(input).getBytes(StandardCharsets.UTF_8);
            defaultName = formatter.defaultFileName();
        }
        if ("-".equals(output)) {
            if (format == Format.png) {
                throw new UsageError("--output -: png is binary; give a file name");
            }
            spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            if (input.run() == null && input.comparison() == null) {
                defaultName = "trends." + format;
            }
            Path target = output != null
                    ? Path.of(output)
                    : loaded != null && loaded.runDirectory() != null
                            ? loaded.runDirectory().resolve(defaultName)
                            : Path.of(defaultName);
            AtomicFileWriter.write(target, bytes);
            spec.commandLine().getOut().printf(Locale.ROOT, "bitbench: wrote %s (%,d bytes)%n", target, bytes.length);
        }
        if (format != Format.png && format != Format.svg && format != Format.badge) {
            new StepSummary(environment)
                    .append(input)
                    .ifPresent(f -> spec.commandLine().getOut().println("bitbench: appended the summary to " + f));
        }
        return ExitCodes.OK;
    }

    /** The trend section: --trend GLOB and/or the run's own benchmarks (--with-trend). */
    private TrendSection trends(String url, RunResult run) {
        if (withTrend && run == null) {
            throw new UsageError("--with-trend needs a run (a run directory, performance-report.json or run id)");
        }
        Instant from = since == null ? null : SinceParser.parse("--since", since, Instant.now());
        String onPlatform =
                platform != null ? platform : run != null ? run.system().platform() : null;
        Set<String> onlyIds =
                withTrend ? run.benchmarks().stream().map(BenchmarkResult::id).collect(Collectors.toSet()) : null;
        String what = trend != null ? "--trend '" + trend + "'" : "--with-trend";
        return TrendSectionLoader.load(
                url,
                new HistoryQuery(trend, metric, onPlatform, branch, from, window),
                onlyIds,
                detect ? detection.detector() : null,
                what);
    }

    private static ReportFormat formatter(Format format) {
        return switch (format) {
            case html -> new HtmlReportFormat();
            case md -> new MarkdownReportFormat();
            case csv -> new CsvReportFormat();
            case json -> new ReportDataJson();
            case badge -> new BadgeSvgFormat();
            case png, svg -> throw new IllegalStateException("charts are not text formats");
        };
    }
}
