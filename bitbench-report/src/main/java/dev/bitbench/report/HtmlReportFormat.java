package dev.bitbench.report;

import static dev.bitbench.report.HtmlText.escape;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.SystemInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page that opens offline. Apache ECharts and the page's
 * script and style are inlined; all data is embedded as JSON ({@link ReportDataJson}) in a {@code
 * <script type="application/json">} element whose {@code <}, {@code >} and {@code &} are JSON
 * escapes, so no string can close it. A Content-Security-Policy meta tag ({@value #CSP}) forbids
 * every network request.
 *
 * <p>Order: executive summary (machine, JDK, profile, run status, counts by level, the three
 * biggest regressions and improvements, fastest backend per op), recommendations, charts (only
 * those with data: {@link #chartsFor}), benchmarks not measured with reasons, and the sortable,
 * filterable table of every benchmark; trends from the history ({@link HtmlTrendSection}) come after
 * the comparison when the input has them. Strings from the results are escaped here ({@link
 * HtmlText}) or set with {@code textContent} by the script; ECharts tooltips render as rich text,
 * not HTML.
 */
public final class HtmlReportFormat implements ReportFormat {

    /** The page's Content-Security-Policy: {@value}. */
    public static final String CSP =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

    @Override
    public String defaultFileName() {
        return "report.html";
    }

    /**
     * The charts the page holds for this input, by name: {@code throughput}, {@code speedup}, {@code
     * engine} (Java engine ÷ llama.cpp), {@code scaling}, {@code quant}, {@code memory}, {@code alloc}, {@code distribution}; each present only
     * when the data has what it plots.
     */
    public static List<String> chartsFor(ReportInput input) {
        List<String> charts = new ArrayList<>();
        RunResult run = input.run();
        if (run != null) {
            if (hasMetric(run, "throughput")) {
                charts.add("throughput");
            }
            if (!new RunDigest(run).speedups().isEmpty()) {
                charts.add("speedup");
            }
            if (!EngineRatios.of(run).isEmpty()) {
                charts.add("engine");
            }
            if (run.benchmarks().stream()
                    .anyMatch(b -> !b.group().equals(RunDigest.PEERS)
                            && b.metrics().containsKey("time")
                            && RunDigest.elements(b) > 0)) {
                charts.add("scaling");
            }
            if (run.benchmarks().stream()
                    .anyMatch(b -> b.metrics().containsKey("mse")
                            && (b.metrics().containsKey("time") || b.metrics().containsKey("throughput")))) {
                charts.add("quant");
            }
            if (hasMetric(run, "memory_reduction")) {
                charts.add("memory");
            }
            if (hasMetric(run, "alloc")) {
                charts.add("alloc");
            }
            if (run.benchmarks().stream().anyMatch(b -> !b.metrics().isEmpty())) {
                charts.add("distribution");
            }
        }
        return charts;
    }

    @Override
    public String format(ReportInput input) {
        RunResult run = input.run();
        String title = input.title();
        StringBuilder h = new StringBuilder(HtmlAssets.ECHARTS.length() + 64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CSP)
                .append("\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(escape(title)).append("</title>\n");
        h.append("<style>\n").append(HtmlAssets.REPORT_CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(escape(title)).append("</h1><div class=\"sub\">");
        if (run != null) {
            h.append("status <b>").append(run.run().status().json()).append("</b> · profile ");
            h.append(escape(run.run().profile()))
                    .append(" · ")
                    .append(run.benchmarks().size())
                    .append(" benchmarks");
            h.append(" · started ").append(escape(run.run().started().toString()));
        } else if (input.comparison() == null) {
            h.append(input.trends().series().size())
                    .append(" series · ")
                    .append(escape(input.trends().scope()));
        }
        h.append("</div></header>\n<main>\n");
        if (run != null || input.comparison() != null) {
            summary(h, input);
        }
        recommendations(h, input);
        List<String> charts = chartsFor(input);
        if (!charts.isEmpty()) {
            h.append("<section><h2>Charts</h2><div class=\"charts\">\n");
            for (String chart : charts) {
                h.append("<div class=\"chart\" id=\"chart-")
                        .append(chart)
                        .append("\" data-chart=\"")
                        .append(chart);
                h.append("\"></div>\n");
            }
            h.append("</div></section>\n");
        }
        if (input.comparison() != null) {
            HtmlComparisonSection.append(h, input.comparison());
        }
        if (input.trends() != null) {
            HtmlTrendSection.append(h, input.trends());
        }
        if (run != null) {
            notMeasured(h, run);
            h.append("<section><h2>Benchmarks</h2>\n<input id=\"filter\" class=\"filter\" type=\"search\"");
            h.append(
                    " placeholder=\"filter: words in id, group, backend, status\"> <span id=\"shown\" class=\"muted\">");
            h.append("</span>\n<div class=\"tablewrap\"><table id=\"benchmarks\" class=\"data\"><thead><tr>");
            for (String col : List.of(
                    "benchmark", "group", "backend", "status", "metric", "median", "95% CI / reason", "unit", "CV")) {
                h.append("<th>").append(col).append("</th>");
            }
            h.append("</tr></thead><tbody></tbody></table></div></section>\n");
        }
        h.append("<p class=\"muted\">Generated by BitBench. Charts: Apache ECharts ")
                .append(escape(HtmlAssets.ECHARTS_VERSION))
                .append(" (Apache-2.0), inlined.</p>\n</main>\n");
        h.append("<script type=\"application/json\" id=\"bitbench-data\">");
        h.append(new ReportDataJson().compactForHtml(input));
        h.append("</script>\n<script>\n").append(HtmlAssets.ECHARTS).append("\n</script>\n");
        h.append("<script>\n").append(HtmlAssets.REPORT_JS).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, ReportInput input) {
        h.append("<section id=\"summary\"><h2>Summary</h2><div class=\"grid\">\n");
        RunResult run = input.run();
        if (run != null) {
            SystemInfo s = run.system();
            h.append("<table class=\"kv\">");
            kv(
                    h,
                    "run status",
                    "<span class=\"status-" + run.run().status().json() + "\">"
                            + run.run().status().json() + "</span>");
            kv(h, "profile", escape(run.run().profile()) + ", seed " + run.run().seed());
            kv(
                    h,
                    "commit",
                    escape(
                            run.run().git().sha() == null
                                    ? "unknown"
                                    : run.run().git().shortSha()
                                            + (run.run().git().branch() == null
                                                    ? ""
                                                    : " on " + run.run().git().branch())));
            kv(
                    h,
                    "machine",
                    escape(s.cpu().model()) + ", " + s.cpu().cores() + " cores / "
                            + s.cpu().threads() + " threads, " + s.memoryBytes() / (1024 * 1024) + " MiB");
            kv(h, "platform", escape(s.platform() + ", " + s.os()));
            kv(
                    h,
                    "JDK",
                    escape(s.jvm().vendor() + " " + s.jvm().version()) + ", Vector API "
                            + s.jvm().vectorBits() + " bits");
            UnmeasuredMetrics.of(s)
                    .forEach((metric, reason) ->
                            kv(h, escape(metric), "<span class=\"muted\">unavailable: " + escape(reason) + "</span>"));
            Map<BenchmarkStatus, Long> counts = new java.util.EnumMap<>(BenchmarkStatus.class);
            run.benchmarks().forEach(b -> counts.merge(b.status(), 1L, Long::sum));
            StringBuilder c = new StringBuilder();
            counts.forEach((st, n) -> c.append("<span class=\"status-")
                    .append(st.json())
                    .append("\">")
                    .append(n)
                    .append(' ')
                    .append(st.json())
                    .append("</span> "));
            kv(h, "benchmarks", c.toString());
            h.append("</table>\n");
            List<RunDigest.Fastest> fastest = new RunDigest(run).fastestPerOp();
            if (!fastest.isEmpty()) {
                h.append("<div><b>Fastest backend per op</b><table class=\"kv\">");
                for (RunDigest.Fastest f : fastest) {
                    kv(
                            h,
                            escape(f.op()),
                            escape(f.backend()) + " <span class=\"muted\">(" + f.wins() + " of " + f.shapes()
                                    + " shapes)</span>");
                }
                h.append("</table></div>\n");
            }
            engine(h, EngineRatios.of(run));
        }
        if (input.comparison() != null) {
            ComparisonSummary cmp = input.comparison();
            h.append("<div><b>Comparison</b><br>");
            cmp.counts().forEach((level, n) -> {
                if (n > 0) {
                    h.append("<span class=\"level level-")
                            .append(level.name())
                            .append("\">")
                            .append(n)
                            .append(' ');
                    h.append(level.name()).append("</span>");
                }
            });
            changes(h, "Biggest regressions", cmp.worstRegressions(3));
            changes(h, "Biggest improvements", cmp.bestImprovements(3));
            h.append("</div>\n");
        }
        h.append("</div></section>\n");
    }

    private static void engine(StringBuilder h, List<EngineRatios.EngineRatio> ratios) {
        if (ratios.isEmpty()) {
            return;
        }
        h.append("<div id=\"engine\"><b>Java engine ÷ llama.cpp</b> <span class=\"muted\">(tokens/s, same run;"
                + " above 1 the Java engine is faster)</span><table class=\"data\"><thead><tr>");
        for (String col : List.of("op", "model", "prompt", "Java", "tokens/s", "llama.cpp", "tokens/s", "ratio")) {
            h.append("<th>").append(col).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (EngineRatios.EngineRatio r : ratios) {
            h.append("<tr><td>").append(escape(r.op())).append("</td><td>").append(escape(r.model()));
            h.append("</td><td>")
                    .append(escape(r.promptLabel()))
                    .append("</td><td>")
                    .append(escape(r.backend()));
            h.append("</td><td class=\"num\">").append(escape(ReportNumbers.value(r.tokensPerSecond())));
            h.append("</td><td>").append(escape(r.peer())).append("</td><td class=\"num\">");
            h.append(escape(ReportNumbers.value(r.peerTokensPerSecond())));
            h.append("</td><td class=\"num\"><b>").append(escape(ReportNumbers.ratio(r.ratio())));
            h.append("</b></td></tr>");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void changes(StringBuilder h, String title, List<ComparisonEntry> entries) {
        h.append("<p><b>").append(title).append("</b>");
        if (entries.isEmpty()) {
            h.append(": none</p>");
            return;
        }
        h.append("</p><ol>");
        for (ComparisonEntry e : entries) {
            h.append("<li><code>")
                    .append(escape(e.benchmarkId()))
                    .append("</code> ")
                    .append(escape(e.metric()));
            h.append(' ').append(escape(ReportNumbers.percent(e.changePct())));
            h.append(" <span class=\"level level-")
                    .append(e.level().name())
                    .append("\">")
                    .append(e.level().name());
            h.append("</span></li>");
        }
        h.append("</ol>");
    }

    private static void recommendations(StringBuilder h, ReportInput input) {
        List<Recommendation> recs = RecommendationRules.evaluate(input);
        if (recs.isEmpty()) {
            return;
        }
        h.append("<section id=\"recommendations\"><h2>Recommendations</h2><ul class=\"recs\">\n");
        for (Recommendation r : recs) {
            h.append("<li><b>")
                    .append(escape(r.rule()))
                    .append("</b>: ")
                    .append(escape(r.seen()))
                    .append(". ");
            h.append(escape(r.action())).append("</li>\n");
        }
        h.append("</ul></section>\n");
    }

    private static void notMeasured(StringBuilder h, RunResult run) {
        List<BenchmarkResult> bad = run.benchmarks().stream()
                .filter(b -> b.status() != BenchmarkStatus.OK)
                .toList();
        if (bad.isEmpty()) {
            return;
        }
        h.append("<section id=\"not-measured\"><h2>Not measured (")
                .append(bad.size())
                .append(")</h2>");
        h.append("<div class=\"tablewrap\"><table class=\"data\"><thead><tr><th>benchmark</th><th>status</th>");
        h.append("<th>reason</th></tr></thead><tbody>\n");
        for (BenchmarkResult b : bad) {
            h.append("<tr><td>")
                    .append(escape(b.id()))
                    .append("</td><td class=\"status-")
                    .append(b.status().json());
            h.append("\">").append(b.status().json()).append("</td><td>").append(escape(b.error()));
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static void kv(StringBuilder h, String key, String html) {
        h.append("<tr><th>").append(key).append("</th><td>").append(html).append("</td></tr>");
    }

    private static boolean hasMetric(RunResult run, String metric) {
        return run.benchmarks().stream().anyMatch(b -> b.metrics().containsKey(metric));
    }
}
