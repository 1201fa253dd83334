package dev.bitbench.suite.inference;

import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.InferenceSession;
import dev.bitbench.inference.model.NumericsMode;
import dev.bitbench.kernels.Backends;
import dev.bitbench.suite.Bench;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.SlowdownHook;
import dev.bitbench.suite.SlowdownInjection;
import dev.bitbench.suite.WorkUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
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

/**
 * End to end through the BitNet b1.58 engine on a seeded model fixture (TQ2_0 weights, nothing
 * downloaded), in numerics mode {@code bitnet}:
 *
 * <ul>
 *   <li>{@code load}: map and parse the GGUF, pack the ternary tensors, quantize the head.
 *   <li>{@code prefill}: the {@code prompt} tokens from an empty cache, in batches: its time is
 *       the time to first token, its throughput the prompt tokens per second.
 *   <li>{@code decode}: one token at a time after the prompt, at positions {@code prompt} to
 *       {@code prompt + }{@value #DECODE_TOKENS}, then again from {@code prompt} (the prompt's
 *       cache kept): its throughput is the decode tokens per second over a 64-token generation.
 *   <li>{@code decode_latency}: the same steps in JMH's {@code SampleTime} mode, which times
 *       single invocations: the runner's {@code latency} metric, whose {@code p50}, {@code p95}
 *       and {@code p99} are the per-token latency percentiles.
 * </ul>
 *
 * <p>The fixture is found through {@link InferenceFixtures} ({@code .bitbench/fixtures} or {@code
 * $BITBENCH_FIXTURES}): {@code bitbench setup} generates {@code small} there, {@code bitbench run}
 * generates what its plan needs before the forks start, and a fork generates it only if it is still
 * missing; it is reused while the manifest's seed, shape and SHA-256 match. The profiles pick the sizes (see the
 * runner's {@code SuitePlanner}): smoke {@code tiny}, quick {@code small}, thorough {@code small}
 * and {@code medium}; backend {@code simd} is one thread, {@code parallel} all of them. Trial
 * set-up runs {@value #WARM_UP_ROUNDS} untimed prompts and generations (one on {@code tiny}), so
 * that short profiles measure compiled code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InferenceBenchmark extends SlowdownHook {
    /** Tokens of one measured generation. */
    public static final int DECODE_TOKENS = 64;
    /** Prompts and generations run untimed at trial set-up (one for {@code tiny}). */
    static final int WARM_UP_ROUNDS = 3;

    @Param({"simd", "parallel"})
    public String backend;

    /** Fixture size; the profile picks which (smoke tiny, quick small, thorough small and medium). */
    @Param({"tiny", "small", "medium"})
    public String model;

    @Param({"128"})
    public int prompt;

    private Path file;
    private InferenceSession session;
    private int[] promptIds;
    private int[] generated;

    /**
     * The seeded token ids of a run: {@code prompt} prompt tokens, then the {@value #DECODE_TOKENS}
     * tokens fed one by one after it (the same for every engine measured on these positions).
     */
    public static int[] tokens(long seed, int prompt, int vocab) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x1f2e3d4c5b6a7988L);
        int[] promptIds = random.ints(prompt, 0, vocab).toArray();
        int[] generated = random.ints(DECODE_TOKENS, 0, vocab).toArray();
        int[] all = Arrays.copyOf(promptIds, prompt + DECODE_TOKENS);
        System.arraycopy(generated, 0, all, prompt, DECODE_TOKENS);
        return all;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FixtureShape shape = FixtureShape.byName(model);
        long seed = SeededInputs.seed();
        file = InferenceFixtures.reuseOrGenerate(InferenceFixtures.dir(), shape, seed, bytes -> {});
        BitnetModel loaded = BitnetModel.load(file);
        session = new InferenceSession(
                loaded, Backends.byName(backend, SeededInputs.threads()), prompt + DECODE_TOKENS, NumericsMode.BITNET);
        int[] tokens = tokens(seed, prompt, shape.vocab());
        promptIds = Arrays.copyOf(tokens, prompt);
        generated = Arrays.copyOfRange(tokens, prompt, prompt + DECODE_TOKENS);
        // the quick profile's JMH warm-up (under a second) is shorter than one small prompt, so the
        // trial warms the engine itself: a few prompts and generations, until C2 has compiled them
        int rounds = shape.equals(FixtureShape.TINY) ? 1 : WARM_UP_ROUNDS;
        for (int r = 0; r < rounds; r++) {
            session.reset();
            session.forward(promptIds, 0, prompt);
            for (int t = 0; t < DECODE_TOKENS; t++) {
                session.forward(generated[t]);
            }
        }
        session.truncate(prompt);
    }

    /** Maps and parses the GGUF, packs its ternary tensors and quantizes the output head. */
    @Benchmark
    @Bench(group = "inference", op = "load", dtype = "tq2_0", shape = "{model}", work = "1", unit = WorkUnit.OP)
    public Object load() throws IOException {
        long t0 = SlowdownInjection.start(slowdown);
        BitnetModel loaded = BitnetModel.load(file);
        SlowdownInjection.finish(slowdown, t0);
        return loaded;
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
        long t0 = SlowdownInjection.start(slowdown);
        session.reset();
        float[] logits = session.forward(promptIds, 0, prompt);
        SlowdownInjection.finish(slowdown, t0);
        return logits;
    }

    /**
     * One decode step after the prompt; greedy choice of the next token is left out (the same for
     * any engine), the tokens are fixed seeded ones instead.
     */
    @Benchmark
    @Bench(group = "inference", op = "decode", dtype = "tq2_0", shape = "{model}", work = "1", unit = WorkUnit.TOKEN)
    public float[] decode() {
        return decodeStep();
    }

    /** {@link #decode()} timed one token at a time: the per-token latency samples and percentiles. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Bench(
            group = "inference",
            op = "decode_latency",
            dtype = "tq2_0",
            shape = "{model}",
            work = "1",
            unit = WorkUnit.TOKEN)
    public float[] decodeLatency() {
        return decodeStep();
    }

    /** The next of the {@value #DECODE_TOKENS} steps after the prompt, from the first after the last. */
    private float[] decodeStep() {
        long t0 = SlowdownInjection.start(slowdown);
        int step = session.position() - prompt;
        if (step >= DECODE_TOKENS) {
            session.truncate(prompt);
            step = 0;
        }
        float[] logits = session.forward(generated[step]);
        SlowdownInjection.finish(slowdown, t0);
        return logits;
    }
}
