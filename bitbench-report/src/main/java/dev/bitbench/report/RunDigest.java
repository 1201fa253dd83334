package dev.bitbench.report;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Same-run ratios a report shows: the speed-up of each backend over {@code scalar}, the ratio of
 * each backend to the fastest peer on the same op and shape, and the fastest backend per op. Pure.
 *
 * <p>Every ratio is a ratio of median times measured in the same run, so it holds on a noisy
 * machine where absolute times do not; above 1 means faster than the reference.
 */
public final class RunDigest {

    /** Our backends, reference first. */
    public static final List<String> BACKENDS = List.of("scalar", "simd", "parallel");

    /** The group that holds peer libraries' benchmarks. */
    public static final String PEERS = "peers";

    /**
     * Speed-up of one backend over scalar.
     *
     * @param op operation
     * @param shape the {@code shape} parameter, or {@code ""}
     * @param dtype data type, or {@code ""}
     * @param backend {@code simd} or {@code parallel}
     * @param elements number of elements of the shape (for the scaling chart), or 0 when unknown
     * @param speedup scalar median time over the backend's, {@code > 0}
     */
    public record Speedup(String op, String shape, String dtype, String backend, long elements, double speedup) {}

    /**
     * Ratio of our backends to the fastest peer on one op and shape (f32).
     *
     * @param op operation
     * @param shape shape
     * @param peer the fastest peer's backend name
     * @param peerSeconds the fastest peer's median time in seconds
     * @param ratios backend to peer time over backend time; above 1 means ours is faster
     */
    public record PeerRatio(String op, String shape, String peer, double peerSeconds, Map<String, Double> ratios) {}

    /**
     * The backend that was fastest most often on one op.
     *
     * @param op operation
     * @param backend the winning backend (a peer name when a peer won)
     * @param wins shapes it won
     * @param shapes shapes with at least two backends measured
     */
    public record Fastest(String op, String backend, int wins, int shapes) {}

    private final RunResult run;

    /** A digest of {@code run}. */
    public RunDigest(RunResult run) {
        this.run = Objects.requireNonNull(run, "run");
    }

    /** Median time of a measured benchmark in seconds, when its {@code time} unit is known. */
    public static OptionalDouble seconds(BenchmarkResult b) {
        Metric time = b.metrics().get("time");
        if (b.status() != BenchmarkStatus.OK || time == null) {
            return OptionalDouble.empty();
        }
        double scale = switch (time.unit().replace("/op", "").trim()) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            default -> Double.NaN;
        };
        return Double.isNaN(scale) ? OptionalDouble.empty() : OptionalDouble.of(time.median() * scale);
    }

    /** The {@code shape} parameter, else the {@code size} parameter, else {@code ""}. */
    public static String shape(BenchmarkResult b) {
        return b.params().getOrDefault("shape", b.params().getOrDefault("size", ""));
    }

    /**
     * Number of elements a benchmark works on: the product of the leading {@code RxC} of its shape
     * (e.g. {@code 1024x1024/batch1} gives 1048576), else its {@code size} parameter; 0 when neither
     * parses.
     */
    public static long elements(BenchmarkResult b) {
        String shape = b.params().getOrDefault("shape", "");
        String head = shape.split("/", 2)[0];
        if (head.matches("\\d+(x\\d+)*")) {
            long product = 1;
            for (String d : head.split("x")) {
                product = Math.multiplyExact(product, Long.parseLong(d));
            }
            return product;
        }
        String size = b.params().getOrDefault("size", "");
        return size.matches("\\d{1,18}") ? Long.parseLong(size) : 0;
    }

    /** Speed-ups of simd and parallel over scalar, sorted by op, then size (elements), shape and dtype. */
    public List<Speedup> speedups() {
        Map<String, Map<String, BenchmarkResult>> rows = new TreeMap<>();
        for (BenchmarkResult b : run.benchmarks()) {
            if (!b.group().equals(PEERS)
                    && BACKENDS.contains(b.backend())
                    && seconds(b).isPresent()) {
                String key = b.op() + "|" + String.format(java.util.Locale.ROOT, "%019d", elements(b)) + "|" + shape(b)
                        + "|" + nonNull(b.dtype());
                rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(b.backend(), b);
            }
        }
        List<Speedup> out = new ArrayList<>();
        rows.values().forEach(byBackend -> {
            BenchmarkResult scalar = byBackend.get("scalar");
            if (scalar == null) {
                return;
            }
            double reference = seconds(scalar).getAsDouble();
            for (String backend : BACKENDS.subList(1, BACKENDS.size())) {
                BenchmarkResult b = byBackend.get(backend);
                if (b != null && seconds(b).getAsDouble() > 0) {
                    out.add(new Speedup(
                            b.op(),
                            shape(b),
                            nonNull(b.dtype()),
                            backend,
                            elements(b),
                            reference / seconds(b).getAsDouble()));
                }
            }
        });
        return out;
    }

    /**
     * Our f32 backends against the fastest f32 peer on each op and shape, sorted by op, then size.
     * Peers of other types (the llama.cpp engine rows) are paired by {@link EngineRatios} instead.
     */
    public List<PeerRatio> peerRatios() {
        Map<String, BenchmarkResult> bestPeer = new TreeMap<>();
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.group().equals(PEERS) && "f32".equals(b.dtype()) && seconds(b).isPresent()) {
                bestPeer.merge(
                        sizeKey(b),
                        b,
                        (x, y) -> seconds(x).getAsDouble() <= seconds(y).getAsDouble() ? x : y);
            }
        }
        List<PeerRatio> out = new ArrayList<>();
        bestPeer.forEach((key, peer) -> {
            double peerSeconds = seconds(peer).getAsDouble();
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (BenchmarkResult b : run.benchmarks()) {
                if (!b.group().equals(PEERS)
                        && BACKENDS.contains(b.backend())
                        && "f32".equals(b.dtype())
                        && sizeKey(b).equals(key)
                        && seconds(b).isPresent()
                        && seconds(b).getAsDouble() > 0) {
                    ratios.putIfAbsent(b.backend(), peerSeconds / seconds(b).getAsDouble());
                }
            }
            out.add(new PeerRatio(peer.op(), shape(peer), nonNull(peer.backend()), peerSeconds, ratios));
        });
        return out;
    }

    /** Per op (sorted), the backend or peer with the lowest median time on the most shapes. */
    public List<Fastest> fastestPerOp() {
        Map<String, Map<String, BenchmarkResult>> byOpShape = new TreeMap<>();
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.backend() != null && seconds(b).isPresent()) {
                byOpShape
                        .computeIfAbsent(b.op() + "|" + shape(b) + "|" + nonNull(b.dtype()), k -> new TreeMap<>())
                        .merge(b.backend(), b, (x, y) -> x);
            }
        }
        Map<String, Map<String, Integer>> wins = new TreeMap<>();
        Map<String, Integer> shapes = new TreeMap<>();
        byOpShape.forEach((key, backends) -> {
            if (backends.size() < 2) {
                return;
            }
            String op = key.substring(0, key.indexOf('|'));
            BenchmarkResult best = backends.values().stream()
                    .min((x, y) ->
                            Double.compare(seconds(x).getAsDouble(), seconds(y).getAsDouble()))
                    .orElseThrow();
            wins.computeIfAbsent(op, k -> new TreeMap<>()).merge(best.backend(), 1, Integer::sum);
            shapes.merge(op, 1, Integer::sum);
        });
        List<Fastest> out = new ArrayList<>();
        wins.forEach((op, counts) -> {
            Map.Entry<String, Integer> top =
                    counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            out.add(new Fastest(op, top.getKey(), top.getValue(), shapes.get(op)));
        });
        return out;
    }

    /** Op, zero-padded element count and shape: sorts by op, then numerically by size. */
    private static String sizeKey(BenchmarkResult b) {
        return b.op() + "|" + String.format(java.util.Locale.ROOT, "%019d", elements(b)) + "|" + shape(b);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
