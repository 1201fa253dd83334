package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.inference.FixturesCommand;
import dev.bitbench.core.result.AtomicFileWriter;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bitbench crossval}: kernels and the BitNet engine against independent implementations. */
@Command(
        name = "crossval",
        mixinStandardHelpOptions = true,
        description = {
            "Correctness and speed against independent implementations: every kernel backend against the scalar"
                    + " reference, OpenBLAS and EJML; the BitNet engine (llama.cpp numerics) against llama.cpp"
                    + " (java-llama.cpp in a forked JVM, and your own build with --llama-cpp). Writes"
                    + " crossval-results.json and crossval-results.md; exit 1 if anything fails."
        },
        footer = {
            "",
            "Examples:",
            "  bitbench crossval                       # small fixture, generated on first use",
            "  bitbench crossval --size tiny --reference none",
            "  bitbench crossval --model model.gguf --llama-cpp ~/llama.cpp/build/bin --threads 2"
        })
public final class CrossvalCommand implements Callable<Integer> {
    /** The result file's name. */
    public static final String RESULTS_FILE = "crossval-results.json";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "GGUF of a llama.cpp bitnet model. Default: the --size fixture.")
    Path model;

    @Option(
            names = "--size",
            defaultValue = "small",
            description = "Fixture used without --model: tiny, small or medium, generated into "
                    + FixturesCommand.DEFAULT_DIR + " when absent. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(
            names = "--reference",
            defaultValue = "bundled",
            description = "bundled (java-llama.cpp in a forked JVM) or none (kernels only). Default: ${DEFAULT-VALUE}.")
    String reference;

    @Option(
            names = "--llama-cpp",
            defaultValue = "${env:BITBENCH_LLAMA_CPP}",
            description = "Directory of your llama.cpp build (llama-bench, llama-simple or llama-cli). Default:"
                    + " BITBENCH_LLAMA_CPP.")
    Path llamaCpp;

    @Option(
            names = "--prompt",
            defaultValue = "Once upon a time",
            description = "Prompt text of the agreement check. Default: ${DEFAULT-VALUE}.")
    String prompt;

    @Option(
            names = {"-n", "--tokens"},
            defaultValue = "32",
            description = "Greedy steps compared and tokens per timed run. Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(
            names = "--prompt-tokens",
            defaultValue = "128",
            description = "Prompt length of the timed runs, as in the inference benchmarks. Default: ${DEFAULT-VALUE}.")
    int promptTokens;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "Timed runs per engine after a warm-up. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "Threads of both engines. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(
            names = "--seed",
            defaultValue = "${env:BITBENCH_SEED:-42}",
            description = "Seed of inputs and fixtures. Default: BITBENCH_SEED or 42.")
    long seed;

    @Option(
            names = "--min-agreement",
            defaultValue = "0.9",
            description = "Teacher-forced argmax agreement needed to pass, 0..1, near ties counted as agreeing."
                    + " Default: ${DEFAULT-VALUE}.")
    double minAgreement;

    @Option(
            names = "--tie-tolerance",
            defaultValue = "0.25",
            description = "Largest logit margin at which a teacher-forced mismatch counts as a near tie (summation"
                    + " order and F16 rounding move logits by a few hundredths). Default: ${DEFAULT-VALUE}.")
    double tieTolerance;

    @Option(names = "--skip-kernels", description = "Leave out the kernel section.")
    boolean skipKernels;

    @Option(
            names = "--output",
            defaultValue = "${env:BITBENCH_RESULTS:-bitbench-results}/crossval",
            description = "Directory of crossval-results.json/.md. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(
            names = "--format",
            defaultValue = "markdown",
            description = "What to print: markdown, json or none. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--timeout",
            defaultValue = "600",
            description = "Seconds the llama.cpp fork may take. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        validate();
        EngineCrossval.Settings settings =
                new EngineCrossval.Settings(threads, seed, promptTokens, tokens, runs, minAgreement, tieTolerance);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> notes = new ArrayList<>();
        List<CrossvalReport.KernelRow> kernels = new ArrayList<>();
        if (!skipKernels) {
            err.println("crossval: kernels (scalar, simd, parallel vs scalar, OpenBLAS, EJML)");
            err.flush();
            kernels.addAll(KernelCrossval.run(KernelCrossval.DEFAULT_SHAPES, seed, Math.max(2, threads)));
        }
        CrossvalReport.EngineResult engine = null;
        CrossvalReport.UserBuildResult userBuild = null;
        Path gguf = null;
        boolean engineWanted = reference.equals("bundled") || llamaCpp != null;
        if (engineWanted) {
            gguf = modelFile(err);
            BitnetModel loaded;
            Tokenizer tokenizer;
            try {
                loaded = BitnetModel.load(gguf);
                tokenizer = Tokenizer.from(loaded.metadata());
            } catch (GgufFormatException e) {
                throw new UsageError(gguf + ": " + e.getMessage());
            }
            int[] promptIds = tokenizer.encode(prompt);
            if (promptIds.length == 0) {
                throw new UsageError("--prompt encodes to no tokens");
            }
            if (reference.equals("bundled")) {
                err.println("crossval: " + gguf.getFileName() + ", Java engine vs bundled llama.cpp (forked JVM)");
                err.flush();
                engine = EngineCrossval.run(
                        gguf,
                        loaded,
                        JavaEngineRun.unnameable(tokenizer),
                        promptIds,
                        settings,
                        output,
                        Path.of(".bitbench", "native"),
                        Duration.ofSeconds(timeoutSeconds));
            }
            if (llamaCpp == null) {
                notes.add(UserLlamaCpp.HOW_TO);
                err.println("crossval: " + UserLlamaCpp.HOW_TO);
            } else {
                userBuild = userBuild(gguf, loaded, tokenizer, promptIds, engine, settings);
            }
        }
        CrossvalReport report = new CrossvalReport(
                CrossvalReport.SCHEMA,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                gguf == null ? null : gguf.toString(),
                seed,
                threads,
                kernels,
                engine,
                userBuild,
                notes);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String jsonText = json.writeValueAsString(report) + "\n";
        String markdown = CrossvalMarkdown.format(report);
        Files.createDirectories(output);
        AtomicFileWriter.write(output.resolve(RESULTS_FILE), jsonText);
        AtomicFileWriter.write(output.resolve("crossval-results.md"), markdown);
        if (format.equals("json")) {
            out.print(jsonText);
        } else if (format.equals("markdown")) {
            out.print(markdown);
        }
        out.printf(
                Locale.ROOT,
                "crossval: %s; wrote %s%n",
                report.passed() ? "all passed" : "FAILED",
                output.resolve(RESULTS_FILE));
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private CrossvalReport.UserBuildResult userBuild(
            Path gguf,
            BitnetModel loaded,
            Tokenizer tokenizer,
            int[] promptIds,
            CrossvalReport.EngineResult engine,
            EngineCrossval.Settings s) {
        JavaEngineRun java = new JavaEngineRun(loaded, threads, Math.max(promptIds.length, promptTokens) + tokens + 1);
        JavaEngineRun.Greedy greedy = java.greedy(promptIds, tokens, new int[0]);
        CrossvalReport.Speed javaSpeed = engine != null ? engine.speed() : javaOnlySpeed(java, loaded, s);
        return UserLlamaCpp.run(
                llamaCpp, gguf, tokenizer, prompt, promptIds, greedy.tokens(), greedy.logits(), javaSpeed, threads);
    }

    private CrossvalReport.Speed javaOnlySpeed(JavaEngineRun java, BitnetModel loaded, EngineCrossval.Settings s) {
        JavaEngineRun.Timed t = java.time(
                EngineCrossval.speedPrompt(seed, promptTokens, loaded.config().vocab()), tokens, runs);
        return new CrossvalReport.Speed(
                promptTokens,
                tokens,
                runs,
                JavaEngineRun.median(t.promptTokensPerSecond()),
                JavaEngineRun.median(t.decodeTokensPerSecond()),
                Double.NaN,
                Double.NaN);
    }

    private void validate() {
        if (!List.of("bundled", "none").contains(reference)) {
            throw new UsageError("--reference must be bundled or none, got '" + reference + "'");
        }
        if (!List.of("markdown", "json", "none").contains(format)) {
            throw new UsageError("--format must be markdown, json or none, got '" + format + "'");
        }
        if (tokens < 2 || promptTokens < 1 || runs < 1 || threads < 1 || timeoutSeconds < 1) {
            throw new UsageError("--tokens must be >= 2 and --prompt-tokens, --runs, --threads, --timeout >= 1");
        }
        if (!(minAgreement >= 0 && minAgreement <= 1)) {
            throw new UsageError("--min-agreement must be within 0..1, got " + minAgreement);
        }
        if (model != null && !Files.isRegularFile(model)) {
            throw new UsageError("model file " + model + " does not exist");
        }
        if (llamaCpp != null && !Files.isDirectory(llamaCpp)) {
            throw new UsageError("--llama-cpp " + llamaCpp + " is not a directory");
        }
    }

    /** The --model file, or the --size fixture, generated when absent. */
    private Path modelFile(PrintWriter err) throws IOException {
        if (model != null) {
            return model;
        }
        FixtureShape shape = FixtureShape.byName(size.toLowerCase(Locale.ROOT));
        Path dir = Path.of(FixturesCommand.DEFAULT_DIR);
        Path file = dir.resolve("bitnet-" + shape.name() + "-tq2_0.gguf");
        if (!Files.isRegularFile(file)) {
            err.println("crossval: generating the " + shape.name() + " fixture into " + dir);
            err.flush();
            Fixtures.generate(dir, shape, GgmlType.TQ2_0, seed, bytes -> {});
        }
        return file;
    }
}
