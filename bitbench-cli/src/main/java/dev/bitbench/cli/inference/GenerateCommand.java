package dev.bitbench.cli.inference;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.Generation;
import dev.bitbench.inference.model.InferenceSession;
import dev.bitbench.inference.model.NumericsMode;
import dev.bitbench.inference.model.Sampler;
import dev.bitbench.inference.model.Tokenizer;
import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bitbench generate}: run the Java BitNet engine on a GGUF and show text and speed. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate text with the pure-Java BitNet b1.58 engine from a llama.cpp bitnet GGUF (TQ2_0 or"
                + " TQ1_0 weights) and print a one-line speed summary.",
        footer = {
            "",
            "Examples:",
            "  bitbench fixtures generate --size small",
            "  bitbench generate --model .bitbench/fixtures/bitnet-small-tq2_0.gguf --prompt 'Hello' -n 64"
                    + " --threads 1",
            "  bitbench generate --model model.gguf --prompt 'Once' --temp 0.8 --seed 7"
        })
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "GGUF file of a llama.cpp bitnet model.")
    Path model;

    @Option(names = "--prompt", required = true, description = "Prompt text.")
    String prompt;

    @Option(
            names = {"-n", "--tokens"},
            defaultValue = "32",
            description = "New tokens at most. Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(
            names = "--seed",
            defaultValue = "${env:BITBENCH_SEED:-42}",
            description = "Sampling seed. Default: BITBENCH_SEED or 42.")
    long seed;

    @Option(names = "--temp", defaultValue = "0", description = "Temperature; 0 is greedy. Default: ${DEFAULT-VALUE}.")
    float temperature;

    @Option(names = "--top-k", defaultValue = "40", description = "Top-k (0 = off). Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95", description = "Top-p (1 = off). Default: ${DEFAULT-VALUE}.")
    float topP;

    @Option(
            names = "--threads",
            defaultValue = "${env:BITBENCH_THREADS:-0}",
            description = "Threads (0 = every core). Default: BITBENCH_THREADS or every core.")
    int threads;

    @Option(
            names = "--backend",
            defaultValue = "auto",
            description = "scalar, simd, parallel, or auto (simd on one thread, parallel on more). Default:"
                    + " ${DEFAULT-VALUE}.")
    String backendName;

    @Option(
            names = "--numerics",
            defaultValue = "bitnet",
            description = "bitnet (int8 activations per token) or llama.cpp (int8 per block of 256, as ggml for"
                    + " TQ types). Default: ${DEFAULT-VALUE}.")
    String numerics;

    @Option(
            names = "--warmup",
            defaultValue = "0",
            description = "Untimed runs of the same generation before the timed one, so the speed line shows"
                    + " JIT-compiled code. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Override
    public Integer call() throws IOException {
        if (warmup < 0) {
            throw new UsageError("--warmup must be >= 0, got " + warmup);
        }
        if (tokens < 0) {
            throw new UsageError("-n must be >= 0, got " + tokens);
        }
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UsageError("--threads must be >= 0, got " + threads);
        }
        String name = backendName.equals("auto") ? (n == 1 ? "simd" : "parallel") : backendName;
        Backend backend = Backends.byName(name, n);
        if (!Files.isRegularFile(model)) {
            throw new UsageError("model file " + model + " does not exist");
        }
        long start = System.nanoTime();
        BitnetModel loaded;
        Tokenizer tokenizer;
        try {
            loaded = BitnetModel.load(model);
            tokenizer = Tokenizer.from(loaded.metadata());
        } catch (GgufFormatException e) {
            throw new UsageError(model + ": " + e.getMessage());
        }
        double loadMs = (System.nanoTime() - start) / 1e6;
        int needed = tokenizer.encode(prompt).length + tokens;
        if (needed > loaded.config().contextLength()) {
            throw new UsageError("prompt and -n need " + needed + " tokens, the model's context is "
                    + loaded.config().contextLength());
        }
        InferenceSession session = new InferenceSession(loaded, backend, needed, NumericsMode.byLabel(numerics));
        for (int i = 0; i < warmup; i++) {
            Generation.generate(
                    session, tokenizer, prompt, tokens, new Sampler(temperature, topK, topP, seed), t -> {});
        }
        Sampler sampler = new Sampler(temperature, topK, topP, seed);
        Generation.Result r = Generation.generate(session, tokenizer, prompt, tokens, sampler, t -> {});
        PrintWriter out = spec.commandLine().getOut();
        out.println(prompt + r.text());
        out.printf(
                Locale.ROOT,
                "load %.0f ms | prompt %d tokens %.1f tok/s | decode %d tokens %.1f tok/s | %s, %d thread%s,"
                        + " numerics %s%s%n",
                loadMs,
                r.promptTokens().length,
                r.promptTokensPerSecond(),
                r.decodeSteps(),
                r.decodeTokensPerSecond(),
                backend.name(),
                n,
                n == 1 ? "" : "s",
                session.mode().label(),
                warmup == 0 ? "" : ", after " + warmup + " warm-up run" + (warmup == 1 ? "" : "s"));
        out.flush();
        return ExitCodes.OK;
    }
}
