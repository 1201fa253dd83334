package dev.bitbench.suite.inference;

import dev.bitbench.inference.fixtures.FixtureManifest;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.InferenceSession;
import dev.bitbench.inference.model.NumericsMode;
import dev.bitbench.kernels.Backends;
import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.WorkUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * End to end through the BitNet b1.58 engine on a seeded model fixture (TQ2_0 weights, generated
 * into a temporary directory at trial set-up, so nothing is downloaded): model load, prompt
 * processing of {@code prompt} tokens in one batch, and decoding one token at a time. Decode steps
 * run at positions 0 to {@value #DECODE_SPAN} and start over, so their time is the average over
 * that span of KV-cache lengths. Numerics mode {@code bitnet} (int8 per-token activations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InferenceBenchmark {
    /** Decode positions before the cache starts over. */
    static final int DECODE_SPAN = 128;

    @Param({"simd", "parallel"})
    public String backend;

    /** Fixture size: {@code tiny} in the smoke and quick profiles, {@code small} from standard on. */
    @Param({"tiny", "small"})
    public String model;

    @Param({"64"})
    public int prompt;

    private Path directory;
    private Path file;
    private InferenceSession session;
    private int[] promptIds;
    private int nextToken;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FixtureShape shape = FixtureShape.ALL.stream()
                .filter(s -> s.name().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fixture size " + model));
        long seed = SeededInputs.seed();
        directory = Files.createTempDirectory("bitbench-fixture-");
        FixtureManifest.Entry entry = Fixtures.generate(directory, shape, GgmlType.TQ2_0, seed, bytes -> {});
        file = directory.resolve(entry.file());
        BitnetModel loaded = BitnetModel.load(file);
        int maxTokens = Math.max(prompt, DECODE_SPAN) + 1;
        session = new InferenceSession(
                loaded, Backends.byName(backend, SeededInputs.threads()), maxTokens, NumericsMode.BITNET);
        SplittableRandom random = new SplittableRandom(seed ^ 0x1f2e3d4c5b6a7988L);
        promptIds = random.ints(prompt, 0, shape.vocab()).toArray();
        nextToken = promptIds[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        session = null;
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Maps and parses the GGUF and packs its ternary tensors. */
    @Benchmark
    @Bench(group = "inference", op = "load", dtype = "tq2_0", shape = "{model}", work = "1", unit = WorkUnit.OP)
    public Object load() throws IOException {
        return BitnetModel.load(file);
    }

    /** Processes the whole prompt from an empty cache: the time to first token. */
    @Benchmark
    @Bench(
            group = "inference",
            op = "prefill",
            dtype = "tq2_0",
            shape = "{model}/prompt{prompt}",
            work = "{prompt}",
            unit = WorkUnit.TOKEN)
    public float[] prefill() {
        session.reset();
        return session.forward(promptIds, 0, prompt);
    }

    /** One decode step; greedy choice of the next token is left out (it is the same for any engine). */
    @Benchmark
    @Bench(group = "inference", op = "decode", dtype = "tq2_0", shape = "{model}", work = "1", unit = WorkUnit.TOKEN)
    public float[] decode() {
        if (session.position() >= DECODE_SPAN) {
            session.reset();
        }
        float[] logits = session.forward(nextToken);
        nextToken = promptIds[session.position() % prompt];
        return logits;
    }
}
