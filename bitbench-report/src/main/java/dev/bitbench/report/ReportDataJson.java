package dev.bitbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.changepoint.ChangePoint;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The data of a report as one JSON document (schema {@value #SCHEMA}); embedded in {@code
 * report.html} for its charts and tables, and written alone by {@code --format json}:
 *
 * <pre>{@code
 * { "schema": "bitbench/report/v1",
 *   "run": { "id", "profile", "seed", "status", "started", "finished", "git": { "sha", "branch" } } | null,
 *   "benchmarks": [ { "id", "group", "op", "backend", "dtype", "shape", "elements", "status", "error",
 *                     "metrics": { NAME: { "unit", "better", "n", "median", "mean", "stddev",
 *                                          "ci_low", "ci_high" } } } ],
 *   "speedups": [ { "op", "shape", "dtype", "backend", "elements", "speedup" } ],
 *   "peer_ratios": [ { "op", "shape", "peer", "peer_seconds", "ratios": { BACKEND: ratio } } ],
 *   "engine_ratios": [ { "op", "model", "backend", "prompt", "tokens_per_s", "peer", "peer_prompt",
 *                        "peer_tokens_per_s", "ratio" } ],
 *   "fastest": [ { "op", "backend", "wins", "shapes" } ],
 *   "comparison": { "counts": { LEVEL: n }, "entries": [ { "id", "metric", "unit", "level",
 *                   "baseline", "current", "change_pct", "regression_pct" } ] } | null,
 *   "distributions": [ { "id", "metric", "unit", "samples": [..] } ],
 *   "trends": { "scope", "detected", "charted": [ series index ], "series": [ { "benchmark", "metric",
 *               "platform", "unit", "better", "runs", "points": [ { "run_id", "started", "git_sha", "median",
 *               "ci_low", "ci_high" } ], "change_points": [ { "index", "run_id", "git_sha", "date",
 *               "mean_before", "mean_after", "change_pct", "worse_pct", "p_value" } ] } ] } | null,
 *   "recommendations": [ { "rule", "seen", "action" } ] }
 * }</pre>
 *
 * Numbers that do not apply are {@code null}. Distributions hold the samples of at most {@value
 * #DISTRIBUTIONS} benchmarks: those with the biggest changes when a comparison is given, else the
 * most variable ones. Pure.
 */
public final class ReportDataJson implements ReportFormat {

    /** Schema name of the document. */
    public static final String SCHEMA = "bitbench/report/v1";

    /** Most benchmarks whose samples are embedded for the distribution chart: {@value}. */
    public static final int DISTRIBUTIONS = 8;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @Override
    public String defaultFileName() {
        return "report.json";
    }

    @Override
    public String format(ReportInput input) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(input)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document on one line, every {@code <}, {@code >} and {@code &} as a JSON escape so it
     * can sit inside an HTML {@code <script>} element without closing it. */
    public String compactForHtml(ReportInput input) {
        try {
            return MAPPER.writeValueAsString(tree(input, true))
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a Jackson tree. */
    public ObjectNode tree(ReportInput input) {
        return tree(input, false);
    }

    /**
     * The document; for the page ({@code chartedPointsOnly}) the trend series that are not drawn
     * keep their change points but not their points, so a long history does not bloat the file.
     */
    private ObjectNode tree(ReportInput input, boolean chartedPointsOnly) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        RunResult run = input.run();
        if (run == null) {
            root.putNull("run");
            root.putArray("benchmarks");
            root.putArray("speedups");
            root.putArray("peer_ratios");
            root.putArray("engine_ratios");
            root.putArray("fastest");
        } else {
            run(root.putObject("run"), run);
            ArrayNode benchmarks = root.putArray("benchmarks");
            run.benchmarks().forEach(b -> benchmark(benchmarks.addObject(), b));
            RunDigest digest = new RunDigest(run);
            ArrayNode speedups = root.putArray("speedups");
            for (RunDigest.Speedup s : digest.speedups()) {
                ObjectNode o = speedups.addObject();
                o.put("op", s.op()).put("shape", s.shape()).put("dtype", s.dtype());
                o.put("backend", s.backend()).put("elements", s.elements());
                number(o, "speedup", s.speedup());
            }
            ArrayNode peers = root.putArray("peer_ratios");
            for (RunDigest.PeerRatio p : digest.peerRatios()) {
                ObjectNode o = peers.addObject();
                o.put("op", p.op()).put("shape", p.shape()).put("peer", p.peer());
                number(o, "peer_seconds", p.peerSeconds());
                ObjectNode ratios = o.putObject("ratios");
                p.ratios().forEach((k, v) -> number(ratios, k, v));
            }
            ArrayNode engine = root.putArray("engine_ratios");
            for (EngineRatios.EngineRatio r : EngineRatios.of(run)) {
                ObjectNode o = engine.addObject();
                o.put("op", r.op()).put("model", r.model()).put("backend", r.backend());
                o.put("prompt", r.prompt());
                number(o, "tokens_per_s", r.tokensPerSecond());
                o.put("peer", r.peer()).put("peer_prompt", r.peerPrompt());
                number(o, "peer_tokens_per_s", r.peerTokensPerSecond());
                number(o, "ratio", r.ratio());
            }
            ArrayNode fastest = root.putArray("fastest");
            for (RunDigest.Fastest f : digest.fastestPerOp()) {
                fastest.addObject()
                        .put("op", f.op())
                        .put("backend", f.backend())
                        .put("wins", f.wins())
                        .put("shapes", f.shapes());
            }
        }
        if (input.comparison() == null) {
            root.putNull("comparison");
        } else {
            comparison(root.putObject("comparison"), input.comparison());
        }
        distributions(root.putArray("distributions"), input);
        if (input.trends() == null) {
            root.putNull("trends");
        } else {
            trends(root.putObject("trends"), input.trends(), chartedPointsOnly);
        }
        ArrayNode recommendations = root.putArray("recommendations");
        for (Recommendation r : RecommendationRules.evaluate(input)) {
            recommendations
                    .addObject()
                    .put("rule", r.rule())
                    .put("seen", r.seen())
                    .put("action", r.action());
        }
        return root;
    }

    private static void run(ObjectNode o, RunResult run) {
        var info = run.run();
        o.put("id", info.id()).put("profile", info.profile()).put("seed", info.seed());
        o.put("status", info.status().json());
        o.put("started", info.started().toString())
                .put("finished", info.finished().toString());
        o.putObject("git").put("sha", info.git().sha()).put("branch", info.git().branch());
    }

    private static void benchmark(ObjectNode o, BenchmarkResult b) {
        o.put("id", b.id()).put("group", b.group()).put("op", b.op());
        o.put("backend", b.backend()).put("dtype", b.dtype());
        o.put("shape", RunDigest.shape(b)).put("elements", RunDigest.elements(b));
        o.put("status", b.status().json()).put("error", b.error());
        ObjectNode metrics = o.putObject("metrics");
        b.metrics().forEach((name, m) -> {
            ObjectNode mo = metrics.putObject(name);
            mo.put("unit", m.unit()).put("better", m.better().json()).put("n", m.n());
            number(mo, "median", m.median());
            number(mo, "mean", m.mean());
            number(mo, "stddev", m.stddev());
            number(mo, "ci_low", m.ci().low());
            number(mo, "ci_high", m.ci().high());
        });
    }

    private static void comparison(ObjectNode o, ComparisonSummary comparison) {
        ObjectNode counts = o.putObject("counts");
        comparison.counts().forEach((level, n) -> counts.put(level.name(), n));
        o.put("baseline", comparison.baselineLabel()).put("current", comparison.currentLabel());
        ArrayNode entries = o.putArray("entries");
        for (ComparisonEntry e : comparison.entries()) {
            ObjectNode r = entries.addObject();
            r.put("id", e.benchmarkId()).put("metric", e.metric()).put("unit", e.unit());
            r.put("level", e.level().name());
            number(r, "baseline", e.baselineMedian());
            number(r, "current", e.currentMedian());
            number(r, "change_pct", e.changePct());
            number(r, "regression_pct", e.regressionPct());
        }
    }

    private static void distributions(ArrayNode out, ReportInput input) {
        RunResult run = input.run();
        if (run == null) {
            return;
        }
        List<String[]> picked;
        if (input.comparison() != null) {
            picked = input.comparison().entries().stream()
                    .filter(e -> e.level() != Level.NEW && e.level() != Level.MISSING)
                    .filter(e -> Double.isFinite(e.regressionPct()))
                    .sorted(Comparator.comparingDouble((ComparisonEntry e) -> Math.abs(e.regressionPct()))
                            .reversed())
                    .map(e -> new String[] {e.benchmarkId(), e.metric()})
                    .toList();
        } else {
            picked = run.benchmarks().stream()
                    .filter(b -> b.metrics().containsKey("time"))
                    .sorted(Comparator.comparingDouble(
                                    (BenchmarkResult b) -> variation(b.metrics().get("time")))
                            .reversed())
                    .map(b -> new String[] {b.id(), "time"})
                    .toList();
        }
        int added = 0;
        for (String[] p : picked) {
            BenchmarkResult b = run.benchmark(p[0]);
            Metric m = b == null ? null : b.metrics().get(p[1]);
            if (m == null) {
                continue;
            }
            ObjectNode d = out.addObject();
            d.put("id", p[0]).put("metric", p[1]).put("unit", m.unit());
            ArrayNode samples = d.putArray("samples");
            for (double s : m.samples()) {
                samples.add(s);
            }
            if (++added == DISTRIBUTIONS) {
                return;
            }
        }
    }

    private static void trends(ObjectNode o, TrendSection section, boolean chartedPointsOnly) {
        o.put("scope", section.scope()).put("detected", section.detected());
        ArrayNode charted = o.putArray("charted");
        List<TrendChart> drawn = section.charted();
        drawn.forEach(c -> charted.add(section.series().indexOf(c)));
        ArrayNode list = o.putArray("series");
        for (TrendChart c : section.series()) {
            ObjectNode s = list.addObject();
            s.put("benchmark", c.benchmarkId()).put("metric", c.metric()).put("platform", c.platform());
            s.put("unit", c.unit()).put("better", c.better().json());
            ArrayNode points = s.putArray("points");
            s.put("runs", c.points().size());
            for (TrendChart.Point p :
                    chartedPointsOnly && !drawn.contains(c) ? List.<TrendChart.Point>of() : c.points()) {
                ObjectNode q = points.addObject();
                q.put("run_id", p.runId())
                        .put("started", p.started().toString())
                        .put("git_sha", p.gitSha());
                number(q, "median", p.median());
                number(q, "ci_low", p.ciLow());
                number(q, "ci_high", p.ciHigh());
            }
            ArrayNode changes = s.putArray("change_points");
            for (ChangePoint cp : c.changes()) {
                TrendChart.Point at = c.at(cp);
                ObjectNode q = changes.addObject();
                q.put("index", cp.index()).put("run_id", at.runId()).put("git_sha", at.gitSha());
                q.put("date", at.started().toString());
                number(q, "mean_before", cp.meanBefore());
                number(q, "mean_after", cp.meanAfter());
                number(q, "change_pct", 100 * cp.magnitude());
                number(q, "worse_pct", c.worsePercent(cp));
                number(q, "p_value", cp.pValue());
            }
        }
    }

    private static double variation(Metric m) {
        return m.mean() > 0 ? m.stddev() / m.mean() : 0;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
