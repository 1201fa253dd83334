package dev.bitbench.cli.inference;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.inference.fixtures.FixtureManifest;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bitbench fixtures generate|verify}: deterministic bitnet GGUF fixtures with a manifest. */
@Command(
        name = "fixtures",
        mixinStandardHelpOptions = true,
        description =
                "Deterministic llama.cpp bitnet GGUF fixtures with random ternary weights and a SHA-256" + " manifest.",
        subcommands = {FixturesCommand.Generate.class, FixturesCommand.Verify.class},
        footer = {
            "",
            "Examples:",
            "  bitbench fixtures generate --size small",
            "  bitbench fixtures generate --size tiny --type tq1_0 --seed 7 --output fixtures/",
            "  bitbench fixtures verify"
        })
public final class FixturesCommand implements Runnable {
    /** Where fixtures go unless {@code --output} says otherwise. */
    public static final String DEFAULT_DIR = ".bitbench/fixtures";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Write bitnet-<size>-<type>.gguf and record it in manifest.json (identical bytes for the"
                    + " same size, type and seed).")
    public static final class Generate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--size",
                defaultValue = "tiny",
                description = "tiny (n_embd 256, 2 layers, <1 MB), small (1024, 8 layers, ~92 MB) or medium (the"
                        + " BitNet 2B4T shape, ~1.2 GB). Default: ${DEFAULT-VALUE}.")
        String size;

        @Option(names = "--type", defaultValue = "tq2_0", description = "tq2_0 or tq1_0. Default: ${DEFAULT-VALUE}.")
        String type;

        @Option(
                names = "--seed",
                defaultValue = "${env:BITBENCH_SEED:-42}",
                description = "Seed of the weights. Default: BITBENCH_SEED or 42.")
        long seed;

        @Option(names = "--output", defaultValue = DEFAULT_DIR, description = "Directory. Default: ${DEFAULT-VALUE}.")
        Path output;

        @Override
        public Integer call() throws IOException {
            FixtureShape shape = FixtureShape.byName(size.toLowerCase(Locale.ROOT));
            GgmlType weights = Fixtures.weightType(type);
            PrintWriter err = spec.commandLine().getErr();
            long start = System.nanoTime();
            int[] lastPercent = {-1};
            long expected = FixtureSizes.estimateBytes(shape, weights);
            FixtureManifest.Entry entry = Fixtures.generate(output, shape, weights, seed, written -> {
                int percent = (int) Math.min(100, written * 100 / Math.max(1, expected));
                if (expected > (32 << 20) && percent / 10 != lastPercent[0] / 10) {
                    lastPercent[0] = percent;
                    err.printf("  %s: %d%%%n", shape.name(), percent);
                    err.flush();
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "wrote %s (%.1f MB, sha256 %s, seed %d) in %.1f s%n",
                            output.resolve(entry.file()),
                            entry.size() / 1e6,
                            entry.sha256(),
                            entry.seed(),
                            seconds);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Recompute size and SHA-256 of every fixture in a directory's manifest.json; exit 1 and"
                    + " name each mismatch.")
    public static final class Verify implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", description = "Directory (default: --output, or " + DEFAULT_DIR + ").")
        Path dir;

        @Option(names = "--output", defaultValue = DEFAULT_DIR, description = "Directory. Default: ${DEFAULT-VALUE}.")
        Path output;

        @Override
        public Integer call() throws IOException {
            Path target = dir != null ? dir : output;
            if (!Files.isRegularFile(target.resolve(FixtureManifest.FILE_NAME))) {
                throw new UsageError("no fixture manifest " + target.resolve(FixtureManifest.FILE_NAME)
                        + "; run 'bitbench fixtures generate' first");
            }
            List<FixtureManifest.Entry> entries = FixtureManifest.read(target);
            List<String> problems = FixtureManifest.verify(target);
            PrintWriter out = spec.commandLine().getOut();
            for (FixtureManifest.Entry e : entries) {
                if (problems.stream().noneMatch(p -> p.startsWith(e.file() + ":"))) {
                    out.println("ok        " + e.file());
                }
            }
            for (String p : problems) {
                out.println("MISMATCH  " + p);
            }
            out.flush();
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
