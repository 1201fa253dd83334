package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportFormatTest {
    private static final String HOSTILE = "</script><script>alert(1)</script><!--";

    private static RunResult withHostileStrings() {
        RunResult fixture = ReportFixtures.fixtureRun();
        List<BenchmarkResult> benchmarks = new ArrayList<>(fixture.benchmarks());
        benchmarks.add(new BenchmarkResult(
                HOSTILE,
                "kernels",
                "op\"'&",
                "simd",
                "f32",
                Map.of("shape", "<b>8</b>"),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of("ms/op<", Direction.LOWER, 1, 2, 3))));
        benchmarks.add(BenchmarkResult.notMeasured(
                "kernels.bad/simd/f32/8",
                "kernels",
                "bad",
                "simd",
                "f32",
                Map.of(),
                BenchmarkStatus.FAILED,
                "<script>alert('reason')</script>"));
        return new RunResult(fixture.run(), fixture.system(), benchmarks);
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void noResultStringCanCloseTheDataBlockOrAddAScript() {
        String html = new HtmlReportFormat().format(new ReportInput(withHostileStrings(), ReportFixtures.comparison()));
        // the data block, ECharts and the page script: exactly three scripts open and close
        assertThat(count(html.toLowerCase(), "</script")).isEqualTo(3);
        assertThat(count(html.toLowerCase(), "<script")).isEqualTo(3);
        assertThat(html).doesNotContain(ReportFixtures.XSS_ID).doesNotContain("<b>8</b>");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;");
    }

    private static JsonNode data(String html) throws Exception {
        Matcher m = Pattern.compile(
                        "<script type=\"application/json\" id=\"bitbench-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void embeddedDataParsesBackWithEveryBenchmarkAndItsExactId() throws Exception {
        RunResult run = withHostileStrings();
        String html = new HtmlReportFormat().format(ReportInput.of(run));
        Matcher m = Pattern.compile(
                        "<script type=\"application/json\" id=\"bitbench-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode data = new ObjectMapper().readTree(m.group(1));
        List<String> ids = new ArrayList<>();
        data.get("benchmarks").forEach(b -> ids.add(b.get("id").asText()));
        assertThat(ids)
                .containsExactlyElementsOf(
                        run.benchmarks().stream().map(BenchmarkResult::id).toList());
        assertThat(ids).contains(HOSTILE);
    }

    @Test
    void pageIsSelfContainedWithAStrictContentSecurityPolicy() {
        String html = new HtmlReportFormat().format(ReportInput.of(ReportFixtures.fixtureRun()));
        assertThat(html)
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlReportFormat.CSP + "\">");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=").doesNotContainPattern("(?i)<link[^>]+href=");
        assertThat(html).contains("echarts"); // the library is inlined
    }

    @Test
    void chartsAppearOnlyWhenTheirDataExists() {
        RunResult fixture = ReportFixtures.fixtureRun();
        assertThat(HtmlReportFormat.chartsFor(ReportInput.of(fixture)))
                .containsExactly("throughput", "speedup", "scaling", "quant", "memory", "alloc", "distribution");
        RunResult kernelsOnly = new RunResult(
                fixture.run(), fixture.system(), List.of(ReportFixtures.kernel("add", "scalar", "64", 1, 0.01, 1)));
        assertThat(HtmlReportFormat.chartsFor(ReportInput.of(kernelsOnly)))
                .containsExactly("throughput", "scaling", "alloc", "distribution");
        assertThat(HtmlReportFormat.chartsFor(new ReportInput(null, ReportFixtures.comparison())))
                .isEmpty();
    }

    @Test
    void summaryNamesMachineJdkStatusAndBiggestChanges() {
        String html = new HtmlReportFormat()
                .format(new ReportInput(ReportFixtures.fixtureRun(), ReportFixtures.comparison()));
        String summary = html.substring(
                html.indexOf("<section id=\"summary\">"), html.indexOf("<section id=\"recommendations\">"));
        assertThat(summary).contains("Test CPU @ 3.0GHz", "Eclipse Adoptium 17.0.15+6", "partial", "quick");
        assertThat(summary).contains("2 CRITICAL", "1 WARNING", "1 IMPROVEMENT");
        // worst regression first
        assertThat(summary.indexOf("kernels.matmul/simd/f32/1024x1024"))
                .isLessThan(summary.indexOf("kernels.add/simd/f32/4096"));
        assertThat(summary).contains("Fastest backend per op");
    }

    @Test
    void twoThousandBenchmarkReportStaysUnderTenMegabytes() throws Exception {
        RunResult run = ReportFixtures.synthetic(2000);
        long start = System.nanoTime();
        String html = new HtmlReportFormat().format(ReportInput.of(run));
        long millis = (System.nanoTime() - start) / 1_000_000;
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("2000-benchmark report.html: %d bytes, generated in %d ms%n", bytes, millis);
        assertThat(bytes).isLessThan(10 * 1024 * 1024);
        assertThat(data(html).get("benchmarks").size()).isEqualTo(2000);
    }
}
