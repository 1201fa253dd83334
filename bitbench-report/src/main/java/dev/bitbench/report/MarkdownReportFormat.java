package dev.bitbench.report;

import dev.bitbench.core.detect.Level;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.SystemInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code performance-report.md}, GitHub-flavoured Markdown: a headline, the system, the results
 * table, the speed-up of each backend over {@code scalar}, the ratio of each backend to the best
 * peer, the comparison when one is given, what was not measured, recommendations, and every
 * statistic in a collapsed {@code <details>} block.
 *
 * <p>Every string from the results is escaped for Markdown and HTML ({@code | < > & * _ `} and
 * backslash), so a benchmark id cannot break a table or inject markup.
 */
public final class MarkdownReportFormat implements ReportFormat {

    @Override
    public String defaultFileName() {
        return "performance-report.md";
    }

    @Override
    public String format(ReportInput input) {
        StringBuilder md = new StringBuilder();
        RunResult run = input.run();
        headline(md, input);
        if (run != null) {
            MarkdownRunSettings.append(md, run);
            system(md, run);
            results(md, run);
            speedups(md, new RunDigest(run));
            peers(md, new RunDigest(run));
            engine(md, EngineRatios.of(run));
        }
        if (input.comparison() != null) {
            comparison(md, input.comparison());
        }
        if (input.trends() != null) {
            MarkdownTrendSection.append(md, input.trends());
        }
        if (run != null) {
            notMeasured(md, run);
        }
        List<Recommendation> recommendations = RecommendationRules.evaluate(input);
        if (!recommendations.isEmpty()) {
            md.append("\n## Recommendations\n\n");
            for (Recommendation r : recommendations) {
                md.append("- **")
                        .append(r.rule())
                        .append("**: ")
                        .append(text(r.seen()))
                        .append(". ");
                md.append(text(r.action())).append('\n');
            }
        }
        if (run != null) {
            details(md, run);
        }
        return md.toString();
    }

    private static void headline(StringBuilder md, ReportInput input) {
        RunResult run = input.run();
        md.append("# BitBench ")
                .append(
                        run == null
                                ? input.comparison() == null ? "trends" : "comparison"
                                : "run " + text(run.run().id()));
        md.append("\n\n");
        if (run != null) {
            Map<BenchmarkStatus, Long> byStatus = run.benchmarks().stream()
                    .collect(Collectors.groupingBy(BenchmarkResult::status, Collectors.counting()));
            md.append("**").append(run.run().status().json()).append("**: ");
            md.append(run.benchmarks().size()).append(" benchmarks");
            for (BenchmarkStatus s : BenchmarkStatus.values()) {
                if (byStatus.containsKey(s)) {
                    md.append(", ").append(byStatus.get(s)).append(' ').append(s.json());
                }
            }
            md.append(" · profile ").append(text(run.run().profile()));
            md.append(" · seed ").append(run.run().seed());
            if (run.run().git().sha() != null) {
                md.append(" · commit ").append(run.run().git().shortSha());
                md.append(Boolean.TRUE.equals(run.run().git().dirty()) ? " (dirty)" : "");
            }
            md.append('\n');
        }
        if (input.comparison() != null) {
            Map<Level, Integer> counts = input.comparison().counts();
            md.append(run == null ? "" : "\n").append("Comparison: ");
            md.append(counts.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> (e.getKey().isRegression() ? "**" : "") + e.getValue() + " "
                            + e.getKey().name().toLowerCase(java.util.Locale.ROOT)
                            + (e.getKey().isRegression() ? "**" : ""))
                    .collect(Collectors.joining(", ")));
            md.append(input.comparison().entries().isEmpty() ? "nothing compared" : "")
                    .append('\n');
        }
    }

    private static void system(StringBuilder md, RunResult run) {
        SystemInfo s = run.system();
        md.append("\n## System\n\n| | |\n|---|---|\n");
        row(md, "platform", text(s.platform()));
        row(md, "OS", text(s.os()) + (s.kernel() == null ? "" : ", kernel " + text(s.kernel())));
        row(
                md,
                "CPU",
                text(s.cpu().model()) + ", " + s.cpu().cores() + " cores, "
                        + s.cpu().threads() + " threads");
        row(md, "memory", s.memoryBytes() / (1024 * 1024) + " MiB");
        row(
                md,
                "JVM",
                text(s.jvm().vendor() + " " + s.jvm().version()) + ", Vector API "
                        + s.jvm().vectorBits() + " bits");
        row(
                md,
                "governor / turbo",
                text(s.governor() == null ? "unknown" : s.governor()) + " / "
                        + (s.turbo() == null ? "unknown" : s.turbo() ? "on" : "off"));
        UnmeasuredMetrics.of(s).forEach((metric, reason) -> row(md, text(metric), "unavailable: " + text(reason)));
        if (s.ci() != null) {
            row(md, "CI", text(s.ci().provider() + (s.ci().runUrl() == null ? "" : " " + s.ci().runUrl())));
        }
    }

    private static void results(StringBuilder md, RunResult run) {
        md.append("\n## Results\n\n| benchmark | time (median) | 95% CI | throughput (median) | alloc |\n");
        md.append("|---|---:|---|---:|---:|\n");
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.status() != BenchmarkStatus.OK) {
                continue;
            }
            Metric time = b.metrics().get("time");
            md.append("| ")
                    .append(text(b.id()))
                    .append(" | ")
                    .append(median(time))
                    .append(" | ");
            md.append(
                    time == null
                            ? ""
                            : "[" + ReportNumbers.value(time.ci().low()) + ", "
                                    + ReportNumbers.value(time.ci().high()) + "]");
            md.append(" | ").append(median(b.metrics().get("throughput")));
            md.append(" | ").append(median(b.metrics().get("alloc"))).append(" |\n");
        }
    }

    private static void speedups(StringBuilder md, RunDigest digest) {
        List<RunDigest.Speedup> speedups = digest.speedups();
        if (speedups.isEmpty()) {
            return;
        }
        md.append("\n## Speed-up over scalar\n\nMedian time of `scalar` over median time of the backend, same run;"
                + " above 1 is faster.\n\n| op | shape | dtype | simd | parallel |\n|---|---|---|---:|---:|\n");
        Map<String, Map<String, Double>> rows = new java.util.LinkedHashMap<>();
        for (RunDigest.Speedup s : speedups) {
            rows.computeIfAbsent(
                            text(s.op()) + " | " + text(s.shape()) + " | " + text(s.dtype()),
                            k -> new java.util.HashMap<>())
                    .put(s.backend(), s.speedup());
        }
        rows.forEach((key, byBackend) -> md.append("| ")
                .append(key)
                .append(" | ")
                .append(byBackend.containsKey("simd") ? ReportNumbers.ratio(byBackend.get("simd")) : "")
                .append(" | ")
                .append(byBackend.containsKey("parallel") ? ReportNumbers.ratio(byBackend.get("parallel")) : "")
                .append(" |\n"));
    }

    private static void peers(StringBuilder md, RunDigest digest) {
        List<RunDigest.PeerRatio> ratios = digest.peerRatios();
        if (ratios.isEmpty()) {
            return;
        }
        md.append("\n## Ratio to the best peer\n\nMedian time of the fastest peer over median time of our backend"
                + " (f32), same op and shape, same run; above 1 means ours is faster.\n\n"
                + "| op | shape | best peer | peer time | scalar | simd | parallel |\n"
                + "|---|---|---|---:|---:|---:|---:|\n");
        for (RunDigest.PeerRatio p : ratios) {
            md.append("| ")
                    .append(text(p.op()))
                    .append(" | ")
                    .append(text(p.shape()))
                    .append(" | ");
            md.append(text(p.peer()))
                    .append(" | ")
                    .append(ReportNumbers.value(p.peerSeconds() * 1e3))
                    .append(" ms");
            for (String backend : RunDigest.BACKENDS) {
                Double r = p.ratios().get(backend);
                md.append(" | ").append(r == null ? "" : ReportNumbers.ratio(r));
            }
            md.append(" |\n");
        }
    }

    private static void engine(StringBuilder md, List<EngineRatios.EngineRatio> ratios) {
        if (ratios.isEmpty()) {
            return;
        }
        md.append("\n## Java engine ÷ llama.cpp\n\nTokens/s of the Java engine over tokens/s of llama.cpp on the"
                + " same model, same run; simd pairs with llama.cpp on 1 thread, parallel with llama.cpp on all"
                + " threads. Above 1 means the Java engine is faster.\n\n"
                + "| op | model | prompt | Java backend | Java tokens/s | llama.cpp | llama.cpp tokens/s"
                + " | Java ÷ llama.cpp |\n"
                + "|---|---|---|---|---:|---|---:|---:|\n");
        for (EngineRatios.EngineRatio r : ratios) {
            md.append("| ")
                    .append(text(r.op()))
                    .append(" | ")
                    .append(text(r.model()))
                    .append(" | ");
            md.append(r.promptLabel()).append(" | ").append(text(r.backend())).append(" | ");
            md.append(ReportNumbers.value(r.tokensPerSecond())).append(" | ").append(text(r.peer()));
            md.append(" | ")
                    .append(ReportNumbers.value(r.peerTokensPerSecond()))
                    .append(" | ");
            md.append(ReportNumbers.ratio(r.ratio())).append(" |\n");
        }
    }

    private static void comparison(StringBuilder md, ComparisonSummary comparison) {
        List<ComparisonEntry> changed = comparison.entries().stream()
                .filter(e -> e.level() != Level.STABLE)
                .sorted(Comparator.comparing(ComparisonEntry::level).thenComparing(ComparisonEntry::benchmarkId))
                .toList();
        md.append("\n## Comparison\n\n");
        if (changed.isEmpty()) {
            md.append("Every compared metric is stable.\n");
            return;
        }
        md.append("| level | benchmark | metric | baseline | current | change |\n|---|---|---|---:|---:|---:|\n");
        for (ComparisonEntry e : changed) {
            md.append("| ")
                    .append(e.level())
                    .append(" | ")
                    .append(text(e.benchmarkId()))
                    .append(" | ");
            md.append(text(e.metric()))
                    .append(" | ")
                    .append(ReportNumbers.value(e.baselineMedian()))
                    .append(" | ");
            md.append(ReportNumbers.value(e.currentMedian()))
                    .append(' ')
                    .append(text(e.unit()))
                    .append(" | ");
            md.append(ReportNumbers.percent(e.changePct())).append(" |\n");
        }
    }

    private static void notMeasured(StringBuilder md, RunResult run) {
        List<BenchmarkResult> bad = run.benchmarks().stream()
                .filter(b -> b.status() != BenchmarkStatus.OK)
                .sorted(Comparator.comparing(BenchmarkResult::id))
                .toList();
        if (bad.isEmpty()) {
            return;
        }
        md.append("\n## Not measured\n\n| benchmark | status | reason |\n|---|---|---|\n");
        for (BenchmarkResult b : bad) {
            md.append("| ")
                    .append(text(b.id()))
                    .append(" | ")
                    .append(b.status().json())
                    .append(" | ");
            md.append(text(b.error().lines().findFirst().orElse(""))).append(" |\n");
        }
    }

    private static void details(StringBuilder md, RunResult run) {
        md.append("\n<details><summary>All statistics</summary>\n\n");
        md.append("| benchmark | metric | unit | n | median | mean | stddev | min | max | p95 | p99 |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchmarkResult b : run.benchmarks()) {
            b.metrics()
                    .forEach((name, m) -> md.append("| ")
                            .append(text(b.id()))
                            .append(" | ")
                            .append(text(name))
                            .append(" | ")
                            .append(text(m.unit()))
                            .append(" | ")
                            .append(m.n())
                            .append(" | ")
                            .append(String.join(
                                    " | ",
                                    ReportNumbers.value(m.median()),
                                    ReportNumbers.value(m.mean()),
                                    ReportNumbers.value(m.stddev()),
                                    ReportNumbers.value(m.min()),
                                    ReportNumbers.value(m.max()),
                                    ReportNumbers.value(m.p95()),
                                    ReportNumbers.value(m.p99())))
                            .append(" |\n"));
        }
        md.append("\n</details>\n");
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String median(Metric m) {
        return m == null ? "" : ReportNumbers.value(m.median()) + " " + text(m.unit());
    }

    /**
     * Text safe inside a GitHub Markdown table cell: HTML special characters as entities, Markdown
     * punctuation backslash-escaped, line breaks as spaces.
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '|', '*', '_', '`', '\\', '[', ']' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
