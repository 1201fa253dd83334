package dev.bitbench.suite.peers;

import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.WorkUnit;
import dev.bitbench.suite.inference.InferenceBenchmark;
import dev.bitbench.suite.inference.InferenceFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * positions as {@link InferenceBenchmark}, so a run shows the Java engine next to llama.cpp: {@code
 * peers.prefill/llama-cpp-1t/tq2_0/small/prompt128} beside {@code
 * inference.prefill/simd/tq2_0/small/prompt128}, {@code peers.decode/...} beside {@code
 * inference.decode/...}. {@code llama-cpp-1t} uses one thread, {@code llama-cpp} the run's threads;
 * the profile picks {@code model} as for the Java engine (smoke {@code tiny}, quick and standard
 * {@code small}, thorough {@code small} and {@code medium}), and the fixture is the same file, from
 * {@link InferenceFixtures}.
 *
 * <p>A decode invocation asks for one greedy token after the prompt and the first {@code k + 1} of
 * the {@value InferenceBenchmark#DECODE_TOKENS} decode tokens, {@code k} one more than the last time
 * (0 after the last): llama.cpp's server keeps the shared prefix in its KV cache, so it evaluates
 * one token at position {@code prompt + k}, the positions the Java engine's {@code decode} covers.
 * Each call also carries the server's per-request work (JSON, task queue, greedy sampling), which
 * the Java benchmark does not have. The library's native thread outlives {@code close()}, so
 * tear-down arranges for the JVM to exit once JMH's main has returned ({@link
 * LlamaCppEngine#exitWhenMainEnds()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LlamaCppBenchmark {
    @Param({"llama-cpp-1t", "llama-cpp"})
    public String backend;

    /** Fixture size; the profile picks which, as for {@link InferenceBenchmark}. */
    @Param({"tiny", "small", "medium"})
    public String model;

    @Param({"128"})
    public int prompt;

    private LlamaCppEngine engine;
    private int[] promptIds;
    private int[] tokens;
    private int step;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        PeerLibraries.unavailableReason(backend).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        FixtureShape shape = FixtureShape.byName(model);
        long seed = SeededInputs.seed();
        Path file = InferenceFixtures.reuseOrGenerate(InferenceFixtures.dir(), shape, seed, bytes -> {});
        int threads = backend.equals("llama-cpp-1t") ? 1 : SeededInputs.threads();
        engine = LlamaCppEngine.open(file, threads, prompt + InferenceBenchmark.DECODE_TOKENS + 2, shape.vocab());
        tokens = InferenceBenchmark.tokens(seed, prompt, shape.vocab());
        promptIds = Arrays.copyOf(tokens, prompt);
        // the prompt's cache, so the first measured decode step evaluates one token like the others
        engine.complete(Arrays.copyOf(tokens, prompt + 1), true);
        step = 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        LlamaCppEngine.exitWhenMainEnds();
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

    /** One decode step at the next position after the prompt, and its greedy token. */
    @Benchmark
    @Bench(group = "peers", op = "decode", dtype = "tq2_0", shape = "{model}", work = "1", unit = WorkUnit.TOKEN)
    public String decode() {
        if (step >= InferenceBenchmark.DECODE_TOKENS) {
            step = 0;
        }
        step++;
        return engine.complete(Arrays.copyOf(tokens, prompt + step), true);
    }
}
