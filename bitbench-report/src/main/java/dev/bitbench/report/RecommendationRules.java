package dev.bitbench.report;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rules over a report's data, each producing a {@link Recommendation} when it fires. Pure.
 *
 * <ul>
 *   <li>{@code high-variation}: a {@code time} metric whose coefficient of variation (stddev over
 *       mean) is above {@value #HIGH_VARIATION} → more iterations, CPU pinning, fixed governor;
 *   <li>{@code simd-dispatch}: {@code simd} slower than {@code scalar} on some sizes → a dispatch
 *       threshold below the largest such size;
 *   <li>{@code bisect}: WARNING or CRITICAL comparisons → bisect between the two named sides;
 *   <li>{@code peers-faster}: a peer library faster than every backend of ours on an op and shape;
 *   <li>{@code llama-cpp-faster}: llama.cpp produces more tokens/s than the Java engine on the same
 *       model and thread count ({@link EngineRatios});
 *   <li>{@code trend-regression}: a change point in the history where a metric got worse → bisect
 *       between the last run before it and the first after it;
 *   <li>{@code failures}: benchmarks that failed or timed out;
 *   <li>{@code frequency}: governor not {@code performance} or turbo on, so clocks may wander.
 * </ul>
 */
public final class RecommendationRules {

    /** Coefficient of variation above which a benchmark counts as noisy: {@value}. */
    public static final double HIGH_VARIATION = 0.10;

    private RecommendationRules() {}

    /** Every recommendation that fires on {@code input}, in the order of the rules above. */
    public static List<Recommendation> evaluate(ReportInput input) {
        List<Recommendation> out = new ArrayList<>();
        RunResult run = input.run();
        if (run != null) {
            highVariation(run).ifPresent(out::add);
            simdDispatch(new RunDigest(run)).ifPresent(out::add);
        }
        if (input.comparison() != null) {
            bisect(input.comparison()).ifPresent(out::add);
        }
        if (input.trends() != null) {
            trendRegression(input.trends()).ifPresent(out::add);
        }
        if (run != null) {
            peersFaster(new RunDigest(run)).ifPresent(out::add);
            llamaCppFaster(EngineRatios.of(run)).ifPresent(out::add);
            failures(run).ifPresent(out::add);
            frequency(run).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Recommendation> highVariation(RunResult run) {
        List<String> noisy = new ArrayList<>();
        for (BenchmarkResult b : run.benchmarks()) {
            Metric t = b.metrics().get("time");
            if (t != null && t.n() > 1 && t.mean() > 0 && t.stddev() / t.mean() > HIGH_VARIATION) {
                noisy.add(String.format(Locale.ROOT, "%s (%.0f%%)", b.id(), 100 * t.stddev() / t.mean()));
            }
        }
        if (noisy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recommendation(
                "high-variation",
                noisy.size() + " benchmark(s) vary by more than " + (int) (HIGH_VARIATION * 100)
                        + "% between iterations: " + first(noisy, 3),
                "Run more measurement iterations or forks (--profile standard or thorough), pin the benchmark"
                        + " to cores (taskset) and set the performance governor."));
    }

    private static Optional<Recommendation> simdDispatch(RunDigest digest) {
        Map<String, Long> slowUpTo = new TreeMap<>();
        Map<String, Long> fastFrom = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        for (RunDigest.Speedup s : digest.speedups()) {
            if (!s.backend().equals("simd")) {
                continue;
            }
            if (s.speedup() < 1.0) {
                slowUpTo.merge(s.op(), s.elements(), Math::max);
                seen.add(String.format(Locale.ROOT, "%s %s (%.2fx)", s.op(), s.shape(), s.speedup()));
            } else {
                fastFrom.merge(s.op(), s.elements(), Math::min);
            }
        }
        if (slowUpTo.isEmpty()) {
            return Optional.empty();
        }
        List<String> thresholds = new ArrayList<>();
        List<String> neverFaster = new ArrayList<>();
        slowUpTo.forEach((op, n) -> {
            if (fastFrom.containsKey(op) && fastFrom.get(op) > n) {
                thresholds.add(op + " up to " + n + " elements");
            } else {
                neverFaster.add(op);
            }
        });
        StringBuilder action = new StringBuilder();
        if (!thresholds.isEmpty()) {
            action.append("Add a dispatch threshold that keeps scalar for small inputs (")
                    .append(String.join(", ", thresholds))
                    .append(").");
        }
        if (!neverFaster.isEmpty()) {
            action.append(action.length() == 0 ? "" : " ")
                    .append("simd is not faster at any measured size of ")
                    .append(String.join(", ", neverFaster))
                    .append(": measure larger sizes (--sizes) and check the kernel's allocation (alloc column)"
                            + " and vector path before adding a threshold.");
        }
        return Optional.of(new Recommendation(
                "simd-dispatch", "simd is slower than scalar on " + first(seen, 4), action.toString()));
    }

    private static Optional<Recommendation> bisect(ComparisonSummary comparison) {
        List<ComparisonEntry> worst = comparison.worstRegressions(Integer.MAX_VALUE);
        if (worst.isEmpty()) {
            return Optional.empty();
        }
        String good = comparison.baselineLabel();
        String bad = comparison.currentLabel();
        String how = good != null && bad != null
                ? "Bisect between " + good + " (good) and " + bad + " (bad): git bisect start " + bad + " " + good
                : "Bisect between the baseline's commit (good) and the current one (bad): git bisect start BAD GOOD";
        return Optional.of(new Recommendation(
                "bisect",
                worst.size() + " regression(s), worst " + worst.get(0).benchmarkId() + " "
                        + worst.get(0).metric()
                        + String.format(
                                Locale.ROOT,
                                " %+.1f%% worse (%s)",
                                worst.get(0).regressionPct(),
                                worst.get(0).level()),
                how + ", then bitbench run --filter on the regressed benchmark at each step."));
    }

    private static Optional<Recommendation> peersFaster(RunDigest digest) {
        List<String> seen = new ArrayList<>();
        for (RunDigest.PeerRatio p : digest.peerRatios()) {
            if (!p.ratios().isEmpty() && p.ratios().values().stream().allMatch(r -> r < 1.0)) {
                double best = p.ratios().values().stream()
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                seen.add(String.format(
                        Locale.ROOT, "%s %s: %s (ours at best %.2fx)", p.op(), p.shape(), p.peer(), best));
            }
        }
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recommendation(
                "peers-faster",
                "A peer library is faster than every backend of ours on " + first(seen, 4),
                "Profile these ops against the named peer (blocking, packing, vector width) before tuning"
                        + " anything else."));
    }

    private static Optional<Recommendation> llamaCppFaster(List<EngineRatios.EngineRatio> ratios) {
        List<String> seen = ratios.stream()
                .filter(r -> r.ratio() < 1.0)
                .map(r -> String.format(
                        Locale.ROOT,
                        "%s %s%s %s vs %s (%.2fx)",
                        r.op(),
                        r.model(),
                        r.promptLabel().isEmpty() ? "" : " prompt " + r.promptLabel(),
                        r.backend(),
                        r.peer(),
                        r.ratio()))
                .toList();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recommendation(
                "llama-cpp-faster",
                "llama.cpp produces more tokens/s than the Java engine on " + first(seen, 4),
                "Profile the engine's decode step (BitLinear GEMV, attention, output head) with bitbench run"
                        + " --filter inference and compare the per-token time with llama.cpp's."));
    }

    private static Optional<Recommendation> trendRegression(TrendSection trends) {
        List<TrendSection.ChangeRow> worse = trends.changeRows().stream()
                .filter(r -> r.chart().worsePercent(r.change()) > 0)
                .sorted(Comparator.comparingDouble(
                                (TrendSection.ChangeRow r) -> r.chart().worsePercent(r.change()))
                        .reversed())
                .toList();
        if (worse.isEmpty()) {
            return Optional.empty();
        }
        TrendSection.ChangeRow w = worse.get(0);
        TrendChart.Point before = w.chart().points().get(w.change().index() - 1);
        TrendChart.Point after = w.chart().at(w.change());
        String good = before.gitSha() == null ? before.runId() : before.shortSha();
        String bad = after.gitSha() == null ? after.runId() : after.shortSha();
        String how = before.gitSha() != null && after.gitSha() != null
                ? "Bisect between " + good + " (good) and " + bad + " (bad): git bisect start " + bad + " " + good
                : "Bisect between the commits of runs " + good + " (good) and " + bad + " (bad)";
        return Optional.of(new Recommendation(
                "trend-regression",
                worse.size() + " change point(s) in the history made a metric worse, the biggest "
                        + w.chart().benchmarkId() + " " + w.chart().metric()
                        + String.format(Locale.ROOT, " %+.1f%% worse", w.chart().worsePercent(w.change()))
                        + " at run " + after.runId() + " (" + after.startedSeconds() + ")",
                how + ", then bitbench run --filter on that benchmark at each step."));
    }

    private static Optional<Recommendation> failures(RunResult run) {
        List<String> bad = run.benchmarks().stream()
                .filter(b -> b.status() == BenchmarkStatus.FAILED || b.status() == BenchmarkStatus.TIMEOUT)
                .map(b -> b.id() + " (" + b.status().json() + ")")
                .toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recommendation(
                "failures",
                bad.size() + " benchmark(s) failed or timed out: " + first(bad, 3),
                "Read the reasons in the table of benchmarks not measured; rerun them alone with"
                        + " bitbench run --filter to reproduce."));
    }

    private static Optional<Recommendation> frequency(RunResult run) {
        var s = run.system();
        boolean governor = s.governor() != null && !s.governor().equals("performance");
        boolean turbo = Boolean.TRUE.equals(s.turbo());
        if (!governor && !turbo) {
            return Optional.empty();
        }
        return Optional.of(new Recommendation(
                "frequency",
                "CPU governor " + (s.governor() == null ? "unknown" : s.governor()) + ", turbo "
                        + (s.turbo() == null ? "unknown" : s.turbo() ? "on" : "off")
                        + ": the clock can change during the run",
                "For comparable numbers set the performance governor and disable turbo, and keep the machine"
                        + " cool (throttling shows as slow late iterations)."));
    }

    private static String first(List<String> items, int n) {
        String head = String.join(", ", items.subList(0, Math.min(n, items.size())));
        return items.size() > n ? head + " and " + (items.size() - n) + " more" : head;
    }
}
