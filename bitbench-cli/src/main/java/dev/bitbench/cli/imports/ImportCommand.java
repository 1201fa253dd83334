package dev.bitbench.cli.imports;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.core.config.RunConfig;
import dev.bitbench.core.imports.ImportFormat;
import dev.bitbench.core.imports.ImportOptions;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.SystemInfo;
import dev.bitbench.core.system.SystemInfoCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bitbench import FORMAT PATH}: converts another tool's results into a {@code
 * bitbench/run/v1} run and writes it. Thin: parses, calls the format's {@link
 * dev.bitbench.core.imports.ResultImporter}, writes atomically, maps the outcome to an exit code.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import the results of another benchmark tool into BitBench's run format (bitbench/run/v1),",
            "keeping per-iteration samples and each metric's direction, so that `compare`, `check` and",
            "`report` can use them. Nothing is written unless the whole input is valid."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar benchmarks.jar -rf json -rff jmh.json -prof gc && bitbench import jmh jmh.json",
            "  bitbench import criterion target/criterion --criterion-baseline main --output base.json",
            "  ./my_bench --benchmark_repetitions=10 --benchmark_format=json > gb.json && bitbench import gbench gb.json",
            "  hyperfine --export-json hf.json 'make -j2' && bitbench import hyperfine hf.json",
            "  llama-bench -m model.gguf -o json > lb.json && bitbench import llama-bench lb.json --platform linux-x86_64",
            "",
            "Exit codes: 0 imported; 1 I/O failure; 2 invalid input (file, field and expected value named)."
        })
public final class ImportCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = "jmh | criterion | gbench | hyperfine | llama-bench")
    ImportFormat format;

    @Parameters(
            index = "1",
            paramLabel = "PATH",
            description = "The tool's output: a JSON file, or for criterion its target/criterion directory.")
    Path input;

    @Option(
            names = "--output",
            paramLabel = "DIR|FILE",
            description = "A .json file to write the run to, or the directory to create the run directory in"
                    + " (default: $BITBENCH_RESULTS or bitbench-results).")
    Path output;

    @Option(
            names = "--platform",
            paramLabel = "P",
            description = "Platform key to record, e.g. linux-x86_64 (default: this machine's).")
    String platform;

    @Option(
            names = "--criterion-baseline",
            paramLabel = "NAME",
            defaultValue = ImportOptions.CRITERION_LATEST,
            description = "Criterion baseline directory to read in each benchmark (default: ${DEFAULT-VALUE}).")
    String criterionBaseline;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(input)) {
            throw new UsageError(input + ": no such file or directory");
        }
        ImportOptions options = options(hostSystem());
        RunResult run;
        try {
            run = format.importer().read(input, options);
        } catch (InvalidResultException e) {
            throw new UsageError(e.getMessage());
        }
        Path written = write(run);
        print(run, written, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private ImportOptions options(SystemInfo system) {
        try {
            return new ImportOptions(system, platform, criterionBaseline);
        } catch (IllegalArgumentException e) {
            String option =
                    platform != null && e.getMessage().startsWith("platform") ? "--platform" : "--criterion-baseline";
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    private Path write(RunResult run) throws IOException {
        if (output != null
                && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            RunResultJson.write(run, output);
            return output;
        }
        Path parent = output != null ? output : Path.of(resultsRoot(System.getenv()));
        Path dir = parent.resolve(run.run().id());
        RunResultJson.write(run.system(), dir.resolve("system-info.json"));
        Path file = dir.resolve("performance-report.json");
        RunResultJson.write(run, file);
        return file;
    }

    static String resultsRoot(Map<String, String> env) {
        String configured = env.get("BITBENCH_RESULTS");
        return configured == null || configured.isBlank() ? RunConfig.DEFAULT_OUTPUT : configured;
    }

    private static SystemInfo hostSystem() {
        // The Vector API size is not needed to describe an imported run: 0 ("not measured").
        return new SystemInfoCollector().collect(0, System.getenv());
    }

    private void print(RunResult run, Path written, PrintWriter out) {
        out.printf(
                "Imported %d benchmark%s from %s (%s) as run %s%n",
                run.benchmarks().size(),
                run.benchmarks().size() == 1 ? "" : "s",
                input,
                format.cliName(),
                run.run().id());
        int width =
                run.benchmarks().stream().mapToInt(b -> b.id().length()).max().orElse(0);
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.metrics().isEmpty()) {
                out.printf("  %-" + width + "s  %s: %s%n", b.id(), b.status().json(), b.error());
                continue;
            }
            Map.Entry<String, Metric> first = b.metrics().entrySet().iterator().next();
            Metric m = first.getValue();
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s  %-10s median %s %s (%s, n=%d)%n",
                    b.id(),
                    first.getKey(),
                    sixDigits(m.median()),
                    m.unit(),
                    m.better().json() + " is better",
                    m.n());
        }
        out.printf("Wrote %s%n", written);
        out.flush();
    }

    /** Six significant digits without trailing zeros: {@code 0.0125}, {@code 1000}, {@code 1.23457E+15}. */
    static String sixDigits(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15) ? rounded.toPlainString() : rounded.toString();
    }

    /** Reads {@code FORMAT} by its command-line name. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            try {
                return ImportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
