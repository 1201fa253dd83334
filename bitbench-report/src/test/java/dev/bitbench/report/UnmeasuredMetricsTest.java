package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.SystemInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both formats say which profiled metrics the machine could not read, and why, in the system part. */
class UnmeasuredMetricsTest {
    private static final String NO_RAPL =
            "no RAPL domains in /sys/class/powercap (no intel_rapl driver, VM or container)";

    private static RunResult runWithUnavailable() {
        RunResult fixture = ReportFixtures.fixtureRun();
        SystemInfo s = fixture.system();
        Map<String, String> unavailable = new LinkedHashMap<>();
        unavailable.put("governor", "not readable");
        unavailable.put("energy", NO_RAPL);
        unavailable.put("battery_drain", "no battery in /sys/class/power_supply");
        SystemInfo system = new SystemInfo(
                s.os(),
                s.kernel(),
                s.arch(),
                s.platform(),
                s.cpu(),
                s.memoryBytes(),
                s.jvm(),
                s.governor(),
                s.turbo(),
                unavailable,
                s.ci());
        return new RunResult(fixture.run(), system, fixture.benchmarks());
    }

    @Test
    void onlyProfiledMetricKeysCount() {
        assertThat(UnmeasuredMetrics.of(runWithUnavailable().system()))
                .containsExactly(
                        Map.entry("energy", NO_RAPL),
                        Map.entry("battery_drain", "no battery in /sys/class/power_supply"));
        assertThat(UnmeasuredMetrics.of(ReportFixtures.fixtureRun().system())).isEmpty();
    }

    @Test
    void markdownSystemTableHasOneUnavailableRowPerMetric() {
        String md = new MarkdownReportFormat().format(ReportInput.of(runWithUnavailable()));

        String system = md.substring(md.indexOf("## System"), md.indexOf("## Results"));
        assertThat(system)
                // Markdown escapes the underscores
                .contains("| energy | unavailable: " + NO_RAPL.replace("_", "\\_") + " |\n")
                .contains("| battery\\_drain | unavailable: no battery in /sys/class/power\\_supply |\n")
                .doesNotContain("| governor | unavailable");
    }

    @Test
    void htmlSummaryHasOneUnavailableRowPerMetric() {
        String html = new HtmlReportFormat().format(ReportInput.of(runWithUnavailable()));

        String summary = html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("</section>"));
        assertThat(summary)
                .contains("<tr><th>energy</th><td><span class=\"muted\">unavailable: " + NO_RAPL + "</span></td></tr>")
                .contains("<tr><th>battery_drain</th>");
    }
}
