package dev.bitbench.cli.run;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.SystemInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code performance-report.md}: the human summary of a run. System, JMH settings, the OpenBLAS
 * core the peers ran on, the results, the speedup of each backend over {@code scalar}, the ratio of
 * each backend to the best peer on the same op and shape, and what was not measured.
 *
 * <p>Speedups and peer ratios are ratios of median times in the same run ({@code > 1} means faster
 * than the reference), so they hold even on a noisy machine where absolute times do not.
 */
public final class MarkdownSummaryWriter {
    private static final List<String> BACKENDS = List.of("scalar", "simd", "parallel");

    private MarkdownSummaryWriter() {}

    /** The whole file. */
    public static String render(RunResult run) {
        StringBuilder md = new StringBuilder();
        var info = run.run();
        md.append("# BitBench run ").append(info.id()).append("\n\n");
        md.append("- status: **").append(info.status().json()).append("**\n");
        md.append("- profile: ")
                .append(info.profile())
                .append(", seed ")
                .append(info.seed())
                .append('\n');
        md.append("- started ")
                .append(info.started())
                .append(", took ")
                .append(PlainProgress.clock(Duration.between(info.started(), info.finished())))
                .append('\n');
        md.append("- git: ")
                .append(Optional.ofNullable(info.git().sha()).orElse("unknown"))
                .append(Boolean.TRUE.equals(info.git().dirty()) ? " (dirty)" : "")
                .append('\n');
        Map<String, Object> c = info.config();
        if (c.containsKey("forks")) {
            md.append("- JMH: ")
                    .append(c.get("forks"))
                    .append(" fork(s) per benchmark")
                    .append(Long.valueOf(0).equals(c.get("forks")) ? " (inside the runner's benchmark JVM)" : "")
                    .append(", warm-up ")
                    .append(c.get("warmup_iterations"))
                    .append(" x ")
                    .append(c.get("warmup_time"))
                    .append(", measurement ")
                    .append(c.get("measurement_iterations"))
                    .append(" x ")
                    .append(c.get("measurement_time"))
                    .append(", timeout ")
                    .append(c.get("timeout"))
                    .append(" per benchmark, threads ")
                    .append(c.get("threads"))
                    .append('\n');
        }
        if (!info.tags().isEmpty()) {
            md.append("- tags: ").append(info.tags()).append('\n');
        }
        system(md, run.system());
        peers(md, info.config());
        results(md, run.benchmarks());
        speedups(md, run.benchmarks());
        peerRatios(md, run.benchmarks());
        notMeasured(md, run.benchmarks());
        return md.toString();
    }

    private static void system(StringBuilder md, SystemInfo s) {
        md.append("\n## System\n\n| | |\n|---|---|\n");
        md.append("| platform | ").append(s.platform()).append(" |\n");
        md.append("| OS | ")
                .append(s.os())
                .append(s.kernel() == null ? "" : ", kernel " + s.kernel())
                .append(" |\n");
        md.append("| CPU | ")
                .append(s.cpu().model())
                .append(", ")
                .append(s.cpu().cores())
                .append(" cores, ")
                .append(s.cpu().threads())
                .append(" threads |\n");
        List<String> wanted = s.cpu().features().stream()
                .filter(f -> f.startsWith("avx")
                        || f.startsWith("fma")
                        || f.startsWith("sse4")
                        || f.equals("asimd")
                        || f.startsWith("sve")
                        || f.equals("f16c"))
                .toList();
        md.append("| SIMD features | ").append(String.join(" ", wanted)).append(" |\n");
        md.append("| memory | ").append(s.memoryBytes() / (1024 * 1024)).append(" MiB |\n");
        md.append("| JVM | ")
                .append(s.jvm().vendor())
                .append(' ')
                .append(s.jvm().version())
                .append(", Vector API ")
                .append(s.jvm().vectorBits())
                .append(" bits |\n");
        md.append("| governor / turbo | ")
                .append(Optional.ofNullable(s.governor()).orElse("unknown"))
                .append(" / ")
                .append(s.turbo() == null ? "unknown" : s.turbo() ? "on" : "off")
                .append(" |\n");
        if (s.ci() != null) {
            md.append("| CI | ")
                    .append(s.ci().provider())
                    .append(s.ci().runUrl() == null ? "" : " " + s.ci().runUrl())
                    .append(" |\n");
        }
    }

    private static void peers(StringBuilder md, Map<String, Object> config) {
        if (!(config.get("peers") instanceof Map<?, ?> peers) || peers.isEmpty()) {
            return;
        }
        md.append("\n## Peers\n\n");
        if (peers.get("openblas_corename") != null) {
            md.append("- OpenBLAS core: `")
                    .append(peers.get("openblas_corename"))
                    .append("`, config `")
                    .append(peers.get("openblas_config"))
                    .append("`\n");
        }
        Object removed = peers.get("environment_removed");
        if (removed instanceof Map<?, ?> m && !m.isEmpty()) {
            md.append("- The benchmark JVMs ran without ");
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add("`" + k + "=" + v + "`"));
            md.append(String.join(", ", parts))
                    .append(" (removed from their environment, so OpenBLAS picked the kernel for this CPU)\n");
        } else {
            md.append("- No OpenBLAS override (`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE`) was set; the benchmark JVMs"
                    + " run without them in any case.\n");
        }
    }

    private static void results(StringBuilder md, List<BenchmarkResult> benchmarks) {
        md.append(
                "\n## Results\n\n| benchmark | time (median) | throughput (median) | alloc |\n|---|---:|---:|---:|\n");
        for (BenchmarkResult b : benchmarks) {
            if (b.status() != BenchmarkStatus.OK) {
                continue;
            }
            md.append("| `")
                    .append(b.id())
                    .append("` | ")
                    .append(cell(b.metrics().get("time")))
                    .append(" | ")
                    .append(cell(b.metrics().get("throughput")))
                    .append(" | ")
                    .append(cell(b.metrics().get("alloc")))
                    .append(" |\n");
        }
    }

    private static void speedups(StringBuilder md, List<BenchmarkResult> benchmarks) {
        Map<String, Map<String, Double>> rows = new TreeMap<>();
        for (BenchmarkResult b : benchmarks) {
            if (b.group().equals("peers") || !BACKENDS.contains(b.backend())) {
                continue;
            }
            seconds(b)
                    .ifPresent(t -> rows.computeIfAbsent(key(b) + "|" + b.dtype(), k -> new LinkedHashMap<>())
                            .put(b.backend(), t));
        }
        md.append("\n## Speedup over scalar\n\nMedian time of `scalar` over median time of the backend, same run;"
                + " above 1 is faster.\n\n| op | shape | dtype | simd | parallel |\n|---|---|---|---:|---:|\n");
        rows.forEach((k, times) -> {
            Double scalar = times.get("scalar");
            if (scalar == null || times.size() < 2) {
                return; // nothing to compare with (an op that only has a scalar implementation)
            }
            String[] parts = k.split("\\|");
            md.append("| ")
                    .append(parts[0])
                    .append(" | ")
                    .append(parts[1])
                    .append(" | ")
                    .append(parts[2]);
            for (String backend : List.of("simd", "parallel")) {
                Double t = times.get(backend);
                md.append(" | ").append(t == null ? "" : ratio(scalar / t));
            }
            md.append(" |\n");
        });
    }

    private static void peerRatios(StringBuilder md, List<BenchmarkResult> benchmarks) {
        Map<String, BenchmarkResult> bestPeer = new TreeMap<>();
        for (BenchmarkResult b : benchmarks) {
            if (b.group().equals("peers") && seconds(b).isPresent()) {
                bestPeer.merge(
                        key(b), b, (x, y) -> seconds(x).get() <= seconds(y).get() ? x : y);
            }
        }
        if (bestPeer.isEmpty()) {
            return;
        }
        md.append(
                "\n## Ratio to the best peer\n\nMedian time of the fastest peer over median time of our backend"
                        + " (f32), same op and shape, same run; above 1 means ours is faster.\n\n"
                        + "| op | shape | best peer | peer time | scalar | simd | parallel |\n|---|---|---|---:|---:|---:|---:|\n");
        bestPeer.forEach((k, peer) -> {
            String[] parts = k.split("\\|");
            double peerSeconds = seconds(peer).get();
            md.append("| ")
                    .append(parts[0])
                    .append(" | ")
                    .append(parts[1])
                    .append(" | ")
                    .append(peer.backend())
                    .append(" | ")
                    .append(cell(peer.metrics().get("time")));
            for (String backend : BACKENDS) {
                Optional<Double> ours = benchmarks.stream()
                        .filter(b -> b.group().equals("kernels")
                                && backend.equals(b.backend())
                                && "f32".equals(b.dtype())
                                && key(b).equals(k))
                        .findFirst()
                        .flatMap(MarkdownSummaryWriter::seconds);
                md.append(" | ").append(ours.map(t -> ratio(peerSeconds / t)).orElse(""));
            }
            md.append(" |\n");
        });
    }

    private static void notMeasured(StringBuilder md, List<BenchmarkResult> benchmarks) {
        List<BenchmarkResult> bad = benchmarks.stream()
                .filter(b -> b.status() != BenchmarkStatus.OK)
                .sorted(Comparator.comparing(BenchmarkResult::id))
                .toList();
        if (bad.isEmpty()) {
            return;
        }
        md.append("\n## Not measured\n\n| benchmark | status | reason |\n|---|---|---|\n");
        for (BenchmarkResult b : bad) {
            md.append("| `")
                    .append(b.id())
                    .append("` | ")
                    .append(b.status().json())
                    .append(" | ")
                    .append(b.error().lines().findFirst().orElse("").replace("|", "\\|"))
                    .append(" |\n");
        }
    }

    private static String key(BenchmarkResult b) {
        return b.op() + "|" + b.params().getOrDefault("shape", "");
    }

    /** Median time in seconds, if measured. */
    static Optional<Double> seconds(BenchmarkResult b) {
        Metric time = b.metrics().get("time");
        if (b.status() != BenchmarkStatus.OK || time == null) {
            return Optional.empty();
        }
        String unit = time.unit().replace("/op", "");
        double scale = switch (unit) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            default -> Double.NaN;
        };
        return Double.isNaN(scale) ? Optional.empty() : Optional.of(time.median() * scale);
    }

    private static String cell(Metric m) {
        return m == null ? "" : String.format(Locale.ROOT, "%.4g %s", m.median(), m.unit());
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
