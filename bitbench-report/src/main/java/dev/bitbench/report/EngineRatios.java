package dev.bitbench.report;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java inference engine against llama.cpp in the same run: tokens/s of each {@code inference}
 * {@code decode} and {@code prefill} row divided by the tokens/s of the llama.cpp peer row
 * ({@code peers.decode/llama-cpp…}, {@code peers.prefill/llama-cpp…}) of the same op and model size.
 * Pure.
 *
 * <p>Pairs by thread count: {@code parallel} (all threads) with {@code llama-cpp} (all threads), any
 * other backend ({@code simd}, one thread) with {@code llama-cpp-1t}. Prefill rows pair with the
 * peer row of the same prompt length when there is one, else with the peer row of the nearest
 * prompt length, and the pair says both lengths ({@link EngineRatio#samePrompt()}), since tokens/s
 * of a prefill depends on the prompt length. Tokens/s is the median of the {@code throughput}
 * metric when its unit is {@code tokens/s}, else the tokens of one operation (the prompt length for
 * prefill, 1 for decode) over the median time.
 */
public final class EngineRatios {

    /** The group of the Java engine's benchmarks. */
    public static final String ENGINE_GROUP = "inference";

    /** Backend names of llama.cpp peer rows start with this. */
    public static final String LLAMA_CPP = "llama-cpp";

    /** Ops compared. */
    public static final List<String> OPS = List.of("decode", "prefill");

    private static final Pattern PROMPT = Pattern.compile("prompt(\\d+)");

    /**
     * One Java engine row against its llama.cpp row.
     *
     * @param op {@code decode} or {@code prefill}
     * @param model model size ({@code tiny}, {@code small}, …)
     * @param backend the Java engine's backend
     * @param prompt the Java row's prompt length, 0 for decode
     * @param tokensPerSecond the Java row's tokens/s
     * @param peer the llama.cpp row's backend, e.g. {@code llama-cpp-1t}
     * @param peerPrompt the llama.cpp row's prompt length, 0 for decode
     * @param peerTokensPerSecond the llama.cpp row's tokens/s
     * @param ratio {@code tokensPerSecond / peerTokensPerSecond}: above 1 the Java engine is faster
     */
    public record EngineRatio(
            String op,
            String model,
            String backend,
            int prompt,
            double tokensPerSecond,
            String peer,
            int peerPrompt,
            double peerTokensPerSecond,
            double ratio) {

        /** Validates names and that both speeds are positive. */
        public EngineRatio {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(peer, "peer");
            if (!(tokensPerSecond > 0) || !(peerTokensPerSecond > 0)) {
                throw new IllegalArgumentException(
                        "tokens/s must be > 0, were " + tokensPerSecond + " and " + peerTokensPerSecond);
            }
        }

        /** Whether both rows processed prompts of the same length (always true for decode). */
        public boolean samePrompt() {
            return prompt == peerPrompt;
        }

        /** The prompt length as a table shows it: empty for decode, {@code 128 (llama.cpp 64)} when they differ. */
        public String promptLabel() {
            if (prompt == 0 && peerPrompt == 0) {
                return "";
            }
            return samePrompt() ? Integer.toString(prompt) : prompt + " (llama.cpp " + peerPrompt + ")";
        }
    }

    private EngineRatios() {}

    /** Every pair in {@code run}, sorted by op, model, prompt and backend. */
    public static List<EngineRatio> of(RunResult run) {
        List<BenchmarkResult> peers = run.benchmarks().stream()
                .filter(b -> b.group().equals(RunDigest.PEERS)
                        && b.backend() != null
                        && b.backend().startsWith(LLAMA_CPP)
                        && OPS.contains(b.op()))
                .filter(b -> tokensPerSecond(b).isPresent())
                .toList();
        List<EngineRatio> out = new ArrayList<>();
        for (BenchmarkResult java : run.benchmarks()) {
            if (!java.group().equals(ENGINE_GROUP) || !OPS.contains(java.op()) || java.backend() == null) {
                continue;
            }
            OptionalDouble tps = tokensPerSecond(java);
            if (tps.isEmpty()) {
                continue;
            }
            String model = model(java);
            int prompt = prompt(java);
            boolean allThreads = java.backend().equals("parallel");
            peers.stream()
                    .filter(p -> p.op().equals(java.op())
                            && model(p).equals(model)
                            && p.backend().endsWith("-1t") != allThreads)
                    .min(Comparator.comparingInt((BenchmarkResult p) -> Math.abs(prompt(p) - prompt))
                            .thenComparing(BenchmarkResult::id))
                    .ifPresent(p -> {
                        double peerTps = tokensPerSecond(p).getAsDouble();
                        out.add(new EngineRatio(
                                java.op(),
                                model,
                                java.backend(),
                                prompt,
                                tps.getAsDouble(),
                                p.backend(),
                                prompt(p),
                                peerTps,
                                tps.getAsDouble() / peerTps));
                    });
        }
        out.sort(Comparator.comparing(EngineRatio::op)
                .thenComparing(EngineRatio::model)
                .thenComparingInt(EngineRatio::prompt)
                .thenComparing(EngineRatio::backend));
        return out;
    }

    /**
     * Tokens/s of a measured row: the {@code throughput} median in {@code tokens/s}, else tokens per
     * operation over the median time; empty when not measured or not positive.
     */
    static OptionalDouble tokensPerSecond(BenchmarkResult b) {
        if (b.status() != BenchmarkStatus.OK) {
            return OptionalDouble.empty();
        }
        Metric throughput = b.metrics().get("throughput");
        if (throughput != null && throughput.unit().equals("tokens/s") && throughput.median() > 0) {
            return OptionalDouble.of(throughput.median());
        }
        OptionalDouble seconds = RunDigest.seconds(b);
        int tokens = b.op().equals("prefill") ? prompt(b) : 1;
        if (seconds.isEmpty() || !(seconds.getAsDouble() > 0) || tokens <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(tokens / seconds.getAsDouble());
    }

    /** The {@code model} parameter, else the shape up to its first {@code /}. */
    static String model(BenchmarkResult b) {
        String model = b.params().get("model");
        return model != null ? model : RunDigest.shape(b).split("/", 2)[0];
    }

    /** The {@code prompt} parameter, else {@code promptN} in the shape; 0 for decode or when unknown. */
    static int prompt(BenchmarkResult b) {
        if (!b.op().equals("prefill")) {
            return 0;
        }
        String p = b.params().get("prompt");
        if (p != null && p.matches("\\d{1,9}")) {
            return Integer.parseInt(p);
        }
        Matcher m = PROMPT.matcher(RunDigest.shape(b));
        return m.find() && m.group(1).length() <= 9 ? Integer.parseInt(m.group(1)) : 0;
    }
}
