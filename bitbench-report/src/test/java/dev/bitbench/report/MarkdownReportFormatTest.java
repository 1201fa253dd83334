package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.RunResult;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MarkdownReportFormatTest {
    private final RunResult run = ReportFixtures.fixtureRun();

    private static double median(BenchmarkResult b) {
        double[] s = b.metrics().get("time").samples();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @Test
    void speedupRowIsScalarMedianOverBackendMedian() {
        double scalar = median(run.benchmark("kernels.matmul/scalar/f32/1024x1024"));
        double simd = median(run.benchmark("kernels.matmul/simd/f32/1024x1024"));
        double parallel = median(run.benchmark("kernels.matmul/parallel/f32/1024x1024"));
        String md = new MarkdownReportFormat().format(ReportInput.of(run));
        assertThat(md)
                .contains(String.format(
                        Locale.ROOT, "| matmul | 1024x1024 | f32 | %.2fx | %.2fx |", scalar / simd, scalar / parallel));
    }

    @Test
    void peerRatioIsPeerMedianOverOurs() {
        double peer = median(run.benchmark("peers.matmul/openblas-1t/f32/1024x1024"));
        double parallel = median(run.benchmark("kernels.matmul/parallel/f32/1024x1024"));
        String md = new MarkdownReportFormat().format(ReportInput.of(run));
        assertThat(md).contains("| matmul | 1024x1024 | openblas-1t |");
        assertThat(md).contains(String.format(Locale.ROOT, "%.2fx |\n", peer / parallel));
    }

    @Test
    void resultStringsCannotInjectMarkupOrBreakTables() {
        String md = new MarkdownReportFormat().format(ReportInput.of(run));
        assertThat(md).doesNotContain(ReportFixtures.XSS_ID);
        assertThat(md).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(md).contains("ArithmeticException: / by zero \\| at Softmax.java:42");
    }

    @Test
    void detailsAreCollapsed() {
        String md = new MarkdownReportFormat().format(ReportInput.of(run));
        assertThat(md).contains("<details><summary>All statistics</summary>").endsWith("</details>\n");
    }

    @Test
    void comparisonOnlyReportHasHeadlineCountsAndRows() {
        String md = new MarkdownReportFormat().format(new ReportInput(null, ReportFixtures.comparison()));
        assertThat(md).startsWith("# BitBench comparison\n");
        assertThat(md).contains("**2 critical**, **1 warning**, 1 improvement, 1 stable");
        assertThat(md)
                .contains("| CRITICAL | kernels.matmul/simd/f32/1024x1024 | time | 10.00 | 14.00 ms/op | +40.0% |");
        assertThat(md).doesNotContain("## System");
    }
}
