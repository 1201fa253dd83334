package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.ComparisonJsonFormat;
import dev.bitbench.core.detect.ComparisonJunitFormat;
import dev.bitbench.core.detect.ComparisonReport;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.MetricSamples;
import dev.bitbench.core.detect.RegressionDetector;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** Outputs of a real detector report: JUnit XML against the committed schema, and comparison JSON read back. */
class ComparisonOutputsTest {

    /** Baseline and current with one critical slowdown, one improvement, one stable, one new, one missing. */
    static ComparisonReport detectorReport() {
        double[] base = {10.0, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98, 10.03, 9.97, 10.01};
        double[] slower = new double[base.length];
        double[] faster = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            slower[i] = base[i] * 1.5;
            faster[i] = base[i] * 0.5;
        }
        List<MetricSamples> baseline = List.of(
                MetricSamples.of("k.slow<&>", "time", "ms/op", Direction.LOWER, base),
                MetricSamples.of("k.fast", "time", "ms/op", Direction.LOWER, base),
                MetricSamples.of("k.same", "time", "ms/op", Direction.LOWER, base),
                MetricSamples.of("k.gone", "time", "ms/op", Direction.LOWER, base));
        List<MetricSamples> current = List.of(
                MetricSamples.of("k.slow<&>", "time", "ms/op", Direction.LOWER, slower),
                MetricSamples.of("k.fast", "time", "ms/op", Direction.LOWER, faster),
                MetricSamples.of("k.same", "time", "ms/op", Direction.LOWER, base),
                MetricSamples.of("k.new", "time", "ms/op", Direction.LOWER, base));
        return new RegressionDetector(DetectorConfig.defaults()).compare(baseline, current);
    }

    @Test
    void junitXmlValidatesAgainstTheJunitSchema() throws Exception {
        String xml = new ComparisonJunitFormat().format(detectorReport());
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ComparisonOutputsTest.class.getResource("junit.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<failure type=\"CRITICAL\"").contains("<skipped");
    }

    @Test
    void schemaRejectsATestcaseWithoutClassname() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ComparisonOutputsTest.class.getResource("junit.xsd"));
        String bad = "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"t\"/></testsuite></testsuites>";
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(bad))))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void comparisonJsonReadsBackEveryRowAndLevel() {
        ComparisonReport report = detectorReport();
        ComparisonSummary summary =
                ComparisonJsonReader.read(new ComparisonJsonFormat().format(report), "cmp.json", "base", "head");
        assertThat(summary.entries()).hasSize(report.comparisons().size());
        for (Level level : Level.values()) {
            assertThat(summary.counts().get(level)).as(level.name()).isEqualTo(report.count(level));
        }
        assertThat(summary.counts().get(Level.CRITICAL)).isEqualTo(1);
        ComparisonEntry slow = summary.worstRegressions(1).get(0);
        assertThat(slow.benchmarkId()).isEqualTo("k.slow<&>");
        assertThat(slow.changePct()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.entries().stream()
                        .filter(e -> e.level() == Level.NEW)
                        .findFirst()
                        .orElseThrow()
                        .baselineMedian())
                .isNaN();
    }

    @Test
    void readerNamesTheFileAndFieldOnBadInput() {
        assertThatThrownBy(() -> ComparisonJsonReader.read("{\"schema\":\"other\"}", "x.json", null, null))
                .hasMessageContaining("x.json")
                .hasMessageContaining("schema")
                .hasMessageContaining(ComparisonJsonFormat.SCHEMA);
        assertThatThrownBy(() -> ComparisonJsonReader.read(
                        "{\"schema\":\"bitbench/comparison/v1\",\"results\":[{\"id\":\"a\",\"metric\":\"t\",\"level\":\"BAD\"}]}",
                        "y.json",
                        null,
                        null))
                .hasMessageContaining("y.json: results[0].level");
        assertThatThrownBy(() -> ComparisonJsonReader.read("not json", "z.json", null, null))
                .hasMessageContaining("z.json: not JSON");
    }
}
