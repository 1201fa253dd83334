package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.detect.Level;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class BadgeSvgFormatTest {
    private static String badge(List<ComparisonEntry> entries) {
        return new BadgeSvgFormat().format(new ReportInput(null, new ComparisonSummary(entries, null, null)));
    }

    private static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noRegressionsIsGreen() throws Exception {
        String svg = badge(List.of(
                ReportFixtures.entry("a", Level.STABLE, 1, 1), ReportFixtures.entry("b", Level.IMPROVEMENT, 2, 1)));
        assertThat(xml(svg).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("perf: 0 regressions");
        assertThat(svg).contains(BadgeSvgFormat.GREEN).doesNotContain(BadgeSvgFormat.RED);
    }

    @Test
    void criticalRegressionsAreCountedInRed() throws Exception {
        String svg = badge(List.of(
                ReportFixtures.entry("a", Level.CRITICAL, 1, 2),
                ReportFixtures.entry("b", Level.CRITICAL, 1, 2),
                ReportFixtures.entry("c", Level.WARNING, 1, 1.2)));
        assertThat(xml(svg).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("perf: 2 critical");
        assertThat(svg).contains(BadgeSvgFormat.RED);
    }

    @Test
    void warningsAloneAreAmber() throws Exception {
        String svg = badge(List.of(ReportFixtures.entry("c", Level.WARNING, 1, 1.2)));
        assertThat(xml(svg).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("perf: 1 warning");
        assertThat(svg).contains(BadgeSvgFormat.AMBER);
    }

    @Test
    void runWithoutComparisonCountsFailures() throws Exception {
        String svg = new BadgeSvgFormat().format(ReportInput.of(ReportFixtures.fixtureRun()));
        assertThat(xml(svg).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("perf: 1 failed");
    }
}
