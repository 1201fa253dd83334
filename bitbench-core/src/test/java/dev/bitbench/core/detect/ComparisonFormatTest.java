package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.Direction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ComparisonFormatTest {

    private static final RegressionDetector DETECTOR = new RegressionDetector(DetectorConfig.defaults());

    /** critical (time +30 %), stable, threshold-only warning, zero-baseline critical, new, missing. */
    private static ComparisonReport sampleReport() {
        List<MetricSamples> baseline = List.of(
                Simulation.time("k.slow", 10, 10.1, 9.9, 10, 10.05),
                Simulation.time("k.same", 10, 10.1, 9.9, 10, 10.05),
                MetricSamples.summary("k.summary", "time", "ms/op", Direction.LOWER, 10),
                MetricSamples.of("k.alloc", "alloc", "B/op", Direction.LOWER, 0, 0, 0, 0, 0),
                Simulation.time("k.gone", 1, 1, 1, 1, 1));
        List<MetricSamples> current = List.of(
                Simulation.time("k.slow", 13, 13.1, 12.9, 13, 13.05),
                Simulation.time("k.same", 10, 10.1, 9.9, 10, 10.05),
                Simulation.time("k.summary", 12, 12, 12, 12, 12),
                MetricSamples.of("k.alloc", "alloc", "B/op", Direction.LOWER, 8, 8, 8, 8, 8),
                Simulation.time("k.<new>&\"x\"", 1, 1, 1, 1, 1));
        return DETECTOR.compare(baseline, current);
    }

    @Test
    void jsonHasSchemaSettingsSummaryAndOneResultPerComparison() throws Exception {
        ComparisonReport report = sampleReport();
        JsonNode root = new ObjectMapper().readTree(new ComparisonJsonFormat().format(report));
        assertThat(root.get("schema").asText()).isEqualTo("bitbench/comparison/v1");
        assertThat(root.at("/settings/seed").asLong()).isEqualTo(42);
        assertThat(root.at("/settings/resamples").asInt()).isEqualTo(10_000);
        assertThat(root.at("/settings/q").asDouble()).isEqualTo(0.05);
        assertThat(root.at("/summary/total").asInt()).isEqualTo(6);
        assertThat(root.at("/summary/CRITICAL").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/WARNING").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/STABLE").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/NEW").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/MISSING").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/blocking_critical").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/blocking_warning").asInt()).isEqualTo(3);
        JsonNode results = root.get("results");
        assertThat(results).hasSize(6);
        JsonNode slow = find(results, "k.slow");
        assertThat(slow.get("level").asText()).isEqualTo("CRITICAL");
        assertThat(slow.get("method").asText()).isEqualTo("statistical");
        assertThat(slow.get("direction").asText()).isEqualTo("lower");
        assertThat(slow.get("unit").asText()).isEqualTo("ms/op");
        assertThat(slow.get("baseline_median").asDouble()).isEqualTo(10.0);
        assertThat(slow.get("current_median").asDouble()).isEqualTo(13.0);
        assertThat(slow.get("ratio").asDouble()).isEqualTo(1.3);
        assertThat(slow.get("change_pct").asDouble()).isCloseTo(30.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slow.get("regression_pct").asDouble()).isCloseTo(30.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slow.at("/ci/level").asDouble()).isEqualTo(0.95);
        assertThat(slow.at("/ci/low").asDouble()).isLessThanOrEqualTo(1.3);
        assertThat(slow.at("/ci/high").asDouble()).isGreaterThanOrEqualTo(1.3);
        assertThat(slow.get("p_value").asDouble()).isBetween(0.0, 0.05);
        assertThat(slow.get("p_adjusted").asDouble())
                .isGreaterThanOrEqualTo(slow.get("p_value").asDouble());
        assertThat(slow.at("/thresholds/warning_percent").asDouble()).isEqualTo(15.0);
        JsonNode summary = find(results, "k.summary");
        assertThat(summary.get("method").asText()).isEqualTo("threshold");
        assertThat(summary.get("ci").isNull()).isTrue();
        assertThat(summary.get("p_value").isNull()).isTrue();
        assertThat(summary.get("note").asText()).contains("thresholds");
        JsonNode alloc = find(results, "k.alloc");
        assertThat(alloc.get("ratio").isNull()).isTrue(); // infinite: 0 -> 8 B/op
        assertThat(alloc.get("level").asText()).isEqualTo("CRITICAL");
        JsonNode gone = find(results, "k.gone");
        assertThat(gone.get("level").asText()).isEqualTo("MISSING");
        assertThat(gone.get("current_median").isNull()).isTrue();
        assertThat(gone.get("method").asText()).isEqualTo("none");
    }

    @Test
    void junitMarksBlockingRegressionsAsFailuresAndNewOrMissingAsSkipped() throws Exception {
        String xml = new ComparisonJunitFormat().format(sampleReport());
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        Element slow = testcase(cases, "k.slow");
        Element failure = (Element) slow.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("CRITICAL");
        assertThat(failure.getAttribute("message"))
                .startsWith("CRITICAL: time +30.0% worse (warning 15%, critical 25%)");
        assertThat(failure.getTextContent()).contains("baseline median 10.0 ms/op (5 samples)");
        Element fresh = testcase(cases, "k.<new>&\"x\"");
        assertThat(fresh.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        Element same = testcase(cases, "k.same");
        assertThat(same.getElementsByTagName("failure").getLength()).isZero();
        assertThat(same.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("STABLE: time");
    }

    @Test
    void nonBlockingRegressionPassesInJunit() throws Exception {
        Thresholds thresholds = ThresholdsFile.parse("{\"benchmarks\": {\"k.*\": {\"blocking\": false}}}");
        ComparisonReport report = new RegressionDetector(
                        DetectorConfig.defaults().withThresholds(thresholds))
                .compare(
                        List.of(Simulation.time("k.a", 10, 10, 10, 10, 10)),
                        List.of(Simulation.time("k.a", 20, 20, 20, 20, 20)));
        String xml = new ComparisonJunitFormat().format(report);
        assertThat(xml).doesNotContain("<failure").contains("failures=\"0\"").contains("(non-blocking)");
    }

    private static JsonNode find(JsonNode results, String id) {
        for (JsonNode r : results) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result " + id);
    }

    private static Element testcase(NodeList cases, String classname) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(classname)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + classname);
    }
}
