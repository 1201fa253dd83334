package dev.bitbench.cli.report;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.StoreRunSource;
import dev.bitbench.core.result.AtomicFileWriter;
import dev.bitbench.report.BadgeSvgFormat;
import dev.bitbench.report.ChartImages;
import dev.bitbench.report.CsvReportFormat;
import dev.bitbench.report.HtmlReportFormat;
import dev.bitbench.report.MarkdownReportFormat;
import dev.bitbench.report.ReportDataJson;
import dev.bitbench.report.ReportFormat;
import dev.bitbench.report.ReportInput;
import dev.bitbench.report.StepSummary;
import dev.bitbench.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bitbench report}: a report of a run, a comparison, or both, in one of several formats. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a report of a run directory, a performance-report.json and/or a comparison JSON"
                    + " (bitbench/comparison/v1, e.g. regression-analysis.json).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench report bitbench-results/latest            # <run dir>/report.html",
            "  bitbench report run/ --format md --output -        # Markdown on stdout",
            "  bitbench report run/ --format png --chart speedup  # writes run/speedup.png",
            "  bitbench report cmp.json --format badge --output perf.svg",
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
            arity = "1..*",
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
            description = "History database for run ids (default: BITBENCH_DB, else jdbc:sqlite:.bitbench/history.db).")
    String db;

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
        ReportInputLoader loaded;
        try (StoreRunSource history = new StoreRunSource(RunStore.resolveUrl(db, environment))) {
            loaded = ReportInputLoader.load(inputs, history);
        }
        ReportInput input = loaded.input();
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
            Path target = output != null
                    ? Path.of(output)
                    : loaded.runDirectory() != null ? loaded.runDirectory().resolve(defaultName) : Path.of(defaultName);
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
