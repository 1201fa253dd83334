package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.result.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationRulesTest {

    private static List<String> rules(ReportInput input) {
        return RecommendationRules.evaluate(input).stream()
                .map(Recommendation::rule)
                .toList();
    }

    @Test
    void fixtureFiresEveryRuleWithItsEvidence() {
        List<Recommendation> recs =
                RecommendationRules.evaluate(new ReportInput(ReportFixtures.fixtureRun(), ReportFixtures.comparison()));
        assertThat(recs)
                .extracting(Recommendation::rule)
                .containsExactly("high-variation", "simd-dispatch", "bisect", "peers-faster", "failures", "frequency");
        assertThat(recs.get(1).seen()).contains("add 64");
        assertThat(recs.get(1).action()).contains("add up to 64 elements");
        assertThat(recs.get(2).action()).contains("a1b2c3d").contains("f8fe249");
        assertThat(recs.get(3).seen()).contains("openblas-1t");
    }

    @Test
    void quietRunFiresNothing() {
        RunResult clean = new RunResult(
                ReportFixtures.info("clean", 0),
                new dev.bitbench.core.result.SystemInfo(
                        "os",
                        null,
                        "amd64",
                        "linux-x86_64",
                        ReportFixtures.system().cpu(),
                        0,
                        ReportFixtures.system().jvm(),
                        "performance",
                        false,
                        java.util.Map.of(),
                        null),
                List.of(
                        ReportFixtures.kernel("add", "scalar", "4096", 4, 0.01, 1),
                        ReportFixtures.kernel("add", "simd", "4096", 1, 0.01, 2)));
        assertThat(rules(ReportInput.of(clean))).isEmpty();
    }

    @Test
    void simdNeverFasterAsksForTheKernelNotAThreshold() {
        RunResult run = new RunResult(
                ReportFixtures.info("slow-simd", 0),
                ReportFixtures.system(),
                List.of(
                        ReportFixtures.kernel("gelu", "scalar", "4096", 0.1, 0.01, 1),
                        ReportFixtures.kernel("gelu", "simd", "4096", 10, 0.01, 2)));
        Recommendation r = RecommendationRules.evaluate(ReportInput.of(run)).stream()
                .filter(x -> x.rule().equals("simd-dispatch"))
                .findFirst()
                .orElseThrow();
        assertThat(r.seen()).contains("gelu 4096 (0.01x)");
        assertThat(r.action())
                .contains("not faster at any measured size of gelu")
                .doesNotContain("threshold that keeps");
    }

    @Test
    void bisectNeedsARegression() {
        ComparisonSummary improvementsOnly = new ComparisonSummary(
                List.of(ReportFixtures.entry("a", dev.bitbench.core.detect.Level.IMPROVEMENT, 2, 1)), "x", "y");
        assertThat(rules(new ReportInput(null, improvementsOnly))).doesNotContain("bisect");
    }
}
