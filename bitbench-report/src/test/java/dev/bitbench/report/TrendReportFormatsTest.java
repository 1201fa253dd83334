package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.Direction;
import dev.bitbench.core.changepoint.ChangePoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendReportFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theInjectedStepIsTheOnlyChangePointAndSitsAtItsIndex() {
        TrendSection trends = TrendFixtures.stepAndFlat();
        TrendChart step = trends.series().get(0);

        assertThat(step.changes()).singleElement().satisfies(cp -> {
            assertThat(cp.index()).isEqualTo(12);
            assertThat(cp.magnitude()).isCloseTo(0.30, within(0.01));
        });
        assertThat(step.at(step.changes().get(0)).runId()).isEqualTo("r12");
        assertThat(step.worsePercent(step.changes().get(0))).isCloseTo(30, within(1.0));
        assertThat(trends.series().get(1).changes()).isEmpty();
    }

    @Test
    void jsonCarriesEveryPointAndMarksTheStepIndexOnly() throws Exception {
        JsonNode trends = JSON.readTree(
                        new ReportDataJson().format(new ReportInput(null, null, TrendFixtures.stepAndFlat())))
                .get("trends");

        assertThat(trends.get("detected").asBoolean()).isTrue();
        JsonNode step = trends.get("series").get(0);
        assertThat(step.get("points")).hasSize(24);
        assertThat(step.get("change_points")).singleElement().satisfies(c -> {
            assertThat(c.get("index").asInt()).isEqualTo(12);
            assertThat(c.get("run_id").asText()).isEqualTo("r12");
            assertThat(c.get("date").asText()).isEqualTo("2026-03-13T00:00:00Z");
            assertThat(c.get("worse_pct").asDouble()).isCloseTo(30, within(1.0));
        });
        assertThat(trends.get("series").get(1).get("change_points")).isEmpty();
        assertThat(trends.get("charted")).extracting(JsonNode::asInt).containsExactly(0, 1);
    }

    @Test
    void htmlHasAChartPerSeriesAndTheChangeInItsTable() {
        ReportInput input = new ReportInput(null, null, TrendFixtures.stepAndFlat());
        String html = new HtmlReportFormat().format(input);

        assertThat(html)
                .contains("<title>BitBench trends</title>")
                .contains("<div class=\"trendchart\" data-series=\"0\"></div>")
                .contains("<div class=\"trendchart\" data-series=\"1\"></div>")
                .contains("<h3>Change points (1)</h3>")
                .contains("<td>r12</td><td>kernels.add/simd/f32/4096</td>")
                .doesNotContain("id=\"trend-cap\"")
                .doesNotContain("id=\"summary\"");
        assertThat(html.split("<tr><td>2026-")).hasSize(2);
    }

    @Test
    void markdownListsBothSeriesAndTheOneChangePoint() {
        String md = new MarkdownReportFormat().format(new ReportInput(null, null, TrendFixtures.stepAndFlat()));

        assertThat(md).startsWith("# BitBench trends\n");
        assertThat(md).contains("## Trends").contains("### Change points");
        assertThat(md.lines().filter(l -> l.startsWith("| kernels."))).hasSize(2);
        assertThat(md.lines().filter(l -> l.startsWith("| 2026-")))
                .singleElement()
                .asString()
                .contains("| 2026-03-13T00:00:00Z | 1200000 | r12 | kernels.add/simd/f32/4096 | time |")
                .contains("% worse |");
    }

    @Test
    void theWorstTrendRegressionIsToBeBisectedBetweenItsTwoCommits() {
        List<Recommendation> recs =
                RecommendationRules.evaluate(new ReportInput(null, null, TrendFixtures.stepAndFlat()));

        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("trend-regression");
            assertThat(r.seen()).contains("kernels.add/simd/f32/4096 time +").contains("at run r12");
            // r11's commit is good, r12's bad
            assertThat(r.action()).contains("git bisect start 1200000 1100000");
        });
    }

    @Test
    void anImprovementInTheHistoryIsNoRecommendation() {
        TrendSection faster = new TrendSection(
                "faster",
                List.of(TrendFixtures.chart(
                        "kernels.add/simd/f32/4096",
                        "time",
                        Direction.LOWER,
                        TrendFixtures.series(24, 10, 12, 0.7, 3))),
                true);
        assertThat(faster.series().get(0).changes()).hasSize(1);
        assertThat(RecommendationRules.evaluate(new ReportInput(null, null, faster)))
                .isEmpty();
    }

    @Test
    void aFlatSeriesAloneHasNoChangePointAnywhere() throws Exception {
        TrendSection flat = new TrendSection(
                "flat",
                List.of(TrendFixtures.chart(
                        "kernels.mul/simd/f32/4096",
                        "throughput",
                        Direction.HIGHER,
                        TrendFixtures.series(30, 5, 99, 1, 7))),
                true);
        ReportInput input = new ReportInput(null, null, flat);

        assertThat(new HtmlReportFormat().format(input)).contains("No change point in any series.");
        assertThat(new MarkdownReportFormat().format(input)).contains("No change point in any series.");
        assertThat(JSON.readTree(new ReportDataJson().format(input)).at("/trends/series/0/change_points"))
                .isEmpty();
    }

    @Test
    void moreSeriesThanChartsAreCappedWithANoteAndChangesChartedFirst() throws Exception {
        List<TrendChart> many = new ArrayList<>();
        for (int i = 0; i < TrendSection.MAX_CHARTS + 4; i++) {
            many.add(TrendFixtures.chart(
                    String.format("b%02d", i), "time", Direction.LOWER, TrendFixtures.series(12, 1, 99, 1, i)));
        }
        many.add(TrendFixtures.chart("z-step", "time", Direction.LOWER, TrendFixtures.series(24, 10, 12, 1.3, 1)));
        TrendSection section = new TrendSection("all", many, true);

        assertThat(section.charted()).hasSize(TrendSection.MAX_CHARTS);
        assertThat(section.charted().get(0).benchmarkId()).isEqualTo("z-step");
        ReportInput input = new ReportInput(null, null, section);
        assertThat(new HtmlReportFormat().format(input)).contains("id=\"trend-cap\">Charts for 36 of 41 series");
        // the page embeds the points of drawn series only; --format json keeps every point
        JsonNode page =
                JSON.readTree(new ReportDataJson().compactForHtml(input)).at("/trends/series");
        long withPoints = 0;
        for (JsonNode s : page) {
            withPoints += s.get("points").isEmpty() ? 0 : 1;
            assertThat(s.get("runs").asInt()).isPositive();
        }
        assertThat(withPoints).isEqualTo(TrendSection.MAX_CHARTS);
        assertThat(JSON.readTree(new ReportDataJson().format(input)).at("/trends/series"))
                .allSatisfy(
                        s -> assertThat(s.get("points")).hasSize(s.get("runs").asInt()));
    }

    @Test
    void seriesStringsAreEscaped() {
        TrendSection section = new TrendSection(
                "<b>scope</b>",
                List.of(TrendFixtures.chart(
                        ReportFixtures.XSS_ID, "time", Direction.LOWER, TrendFixtures.series(24, 10, 12, 1.3, 1))),
                true);
        String html = new HtmlReportFormat().format(new ReportInput(null, null, section));
        assertThat(html).doesNotContain(ReportFixtures.XSS_ID).doesNotContain("<b>scope</b>");
        assertThat(new MarkdownReportFormat().format(new ReportInput(null, null, section)))
                .doesNotContain(ReportFixtures.XSS_ID);
    }

    @Test
    void aChangePointOutsideTheSeriesIsRejected() {
        TrendChart two = TrendFixtures.chart("b", "time", Direction.LOWER, new double[] {1, 2});
        assertThatThrownBy(() -> new TrendChart(
                        "b",
                        "time",
                        "p",
                        "ms/op",
                        Direction.LOWER,
                        two.points(),
                        List.of(new ChangePoint(2, 1, 2, 1, 0.01, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the 2 points");
    }
}
