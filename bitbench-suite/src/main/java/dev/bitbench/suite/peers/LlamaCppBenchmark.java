package dev.bitbench.suite.peers;

import dev.bitbench.inference.fixtures.FixtureManifest;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.WorkUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * llama.cpp (java-llama.cpp's bundled b4916) on the same seeded fixture, prompt ids and decode
 * positions as {@code InferenceBenchmark}, so a run shows the Java engine next to llama.cpp: {@code
 * peers.prefill/llama-cpp-1t/tq2_0/small/prompt64} beside {@code
 * inference.prefill/simd/tq2_0/small/prompt64}, {@code peers.decode/...} beside {@code
 * inference.decode/...}. {@code llama-cpp-1t} uses one thread, {@code llama-cpp} the run's threads.
 *
 * <p>A decode invocation asks for one greedy token after a prefix one token longer than the last;
 * llama.cpp's server keeps the shared prefix in its KV cache, so it evaluates one token at the next
 * position (0 to {@value #DECODE_SPAN}, then over). Each call also carries the server's per-request
 * work (JSON, task queue, greedy sampling), which the Java benchmark does not have. The library's
 * native thread outlives {@code close()}, so tear-down arranges for the JVM to exit once JMH's main
 * has returned ({@link LlamaCppEngine#exitWhenMainEnds()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LlamaCppBenchmark {
    /** Decode positions before the cache starts over, as in {@code InferenceBenchmark}. */
    static final int DECODE_SPAN = 128;

    @Param({"llama-cpp-1t", "llama-cpp"})
    public String backend;

    @Param({"tiny", "small"})
    public String model;

    @Param({"64"})
    public int prompt;

    private Path directory;
    private LlamaCppEngine engine;
    private int[] promptIds;
    private int[] stream;
    private int position;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        PeerLibraries.unavailableReason(backend).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        FixtureShape shape = FixtureShape.byName(model);
        long seed = SeededInputs.seed();
        directory = Files.createTempDirectory("bitbench-fixture-");
        FixtureManifest.Entry entry = Fixtures.generate(directory, shape, GgmlType.TQ2_0, seed, bytes -> {});
        int threads = backend.equals("llama-cpp-1t") ? 1 : SeededInputs.threads();
        engine = LlamaCppEngine.open(
                directory.resolve(entry.file()), threads, Math.max(prompt, DECODE_SPAN) + 2, shape.vocab());
        SplittableRandom random = new SplittableRandom(seed ^ 0x1f2e3d4c5b6a7988L);
        promptIds = random.ints(prompt, 0, shape.vocab()).toArray();
        stream = new int[DECODE_SPAN];
        for (int i = 0; i < DECODE_SPAN; i++) {
            stream[i] = promptIds[i % prompt];
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        LlamaCppEngine.exitWhenMainEnds();
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

    /** The whole prompt from an empty cache, and the first greedy token: the time to first token. */
    @Benchmark
    @Bench(
            group = "peers",
            op = "prefill",
            dtype = "tq2_0",
            shape = "{model}/prompt{prompt}",
            work = "{prompt}",
            unit = WorkUnit.TOKEN)
    public String prefill() {
        return engine.complete(promptIds, false);
    }

    /** One decode step at the next position, and its greedy token. */
    @Benchmark
    @Bench(group = "peers", op = "decode", dtype = "tq2_0", shape = "{model}", work = "1", unit = WorkUnit.TOKEN)
    public String decode() {
        if (position >= DECODE_SPAN) {
            position = 0;
        }
        position++;
        return engine.complete(Arrays.copyOf(stream, position), true);
    }
}
