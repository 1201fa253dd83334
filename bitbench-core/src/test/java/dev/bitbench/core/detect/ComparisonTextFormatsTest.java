package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The human (terminal) and Markdown formats. */
class ComparisonTextFormatsTest {

    /** stable, critical (time +30 %), improvement (throughput +30 %), new, missing; one id with a pipe. */
    private static ComparisonReport report(Thresholds thresholds) {
        List<MetricSamples> baseline = List.of(
                Simulation.time("k.same", 10, 10.1, 9.9, 10, 10.05),
                Simulation.time("k.slow|x", 10, 10.1, 9.9, 10, 10.05),
                MetricSamples.of("k.fast", "throughput", "ops/s", Direction.HIGHER, 100, 101, 99, 100, 100.5),
                Simulation.time("k.gone", 1, 1, 1, 1, 1));
        List<MetricSamples> current = List.of(
                Simulation.time("k.same", 10, 10.1, 9.9, 10, 10.05),
                Simulation.time("k.slow|x", 13, 13.1, 12.9, 13, 13.05),
                MetricSamples.of("k.fast", "throughput", "ops/s", Direction.HIGHER, 130, 131, 129, 130, 130.5),
                Simulation.time("k.new", 1, 1, 1, 1, 1));
        return new RegressionDetector(DetectorConfig.defaults().withThresholds(thresholds)).compare(baseline, current);
    }

    private static ComparisonReport report() {
        return report(Thresholds.defaults());
    }

    private static List<String> tableRows(String text) {
        return text.lines()
                .dropWhile(l -> !l.startsWith("LEVEL"))
                .takeWhile(l -> !l.isBlank())
                .toList();
    }

    @Test
    void humanTableListsRegressionsFirstWithAlignedColumns() {
        String text = new ComparisonHumanFormat(false).format(report());

        List<String> rows = tableRows(text);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).startsWith("CRITICAL").contains("k.slow|x");
        assertThat(rows.get(2)).startsWith("IMPROVEMENT").contains("k.fast");
        assertThat(rows.get(3)).startsWith("NEW");
        assertThat(rows.get(4)).startsWith("MISSING");
        assertThat(rows.get(5)).startsWith("STABLE");
        int benchmarkColumn = rows.get(0).indexOf("BENCHMARK");
        for (String row : rows.subList(1, rows.size())) {
            assertThat(row.charAt(benchmarkColumn)).isEqualTo('k');
            assertThat(row.charAt(benchmarkColumn - 1)).isEqualTo(' ');
        }
        assertThat(rows.get(1)).contains("+30.0%").contains("statistical");
        assertThat(rows.get(2)).contains("↑").contains("+30.0%").contains("-30.0%");
        assertThat(text)
                .startsWith("5 comparisons: 1 CRITICAL, 1 IMPROVEMENT, 1 STABLE, 1 NEW, 1 MISSING;"
                        + " 1 blocking CRITICAL");
        assertThat(text).contains("Legend:").contains("Seed 42").doesNotContain("\u001b[");
    }

    @Test
    void humanColoursOnlyTheLevelCellWhenAsked() {
        String text = new ComparisonHumanFormat(true).format(report());

        String critical = tableRows(text).get(1);
        assertThat(critical).startsWith("\u001b[1;31mCRITICAL");
        assertThat(critical.indexOf("\u001b[0m")).isLessThan(critical.indexOf("k.slow"));
        assertThat(tableRows(text).get(2)).startsWith("\u001b[32mIMPROVEMENT");
    }

    @Test
    void humanMarksNonBlockingComparisons() {
        ComparisonReport report =
                report(ThresholdsFile.parse("{\"benchmarks\": {\"k.slow*\": {\"blocking\": false}}}"));

        String text = new ComparisonHumanFormat(false).format(report);

        assertThat(tableRows(text).get(1)).startsWith("CRITICAL*");
        assertThat(text).contains("no blocking CRITICAL");
    }

    @Test
    void valuesHaveFourSignificantDigitsAndTheirUnit() {
        assertThat(ComparisonHumanFormat.value(1234.5678, "ms")).isEqualTo("1235 ms");
        assertThat(ComparisonHumanFormat.value(2.0, "ms/op")).isEqualTo("2 ms/op");
        assertThat(ComparisonHumanFormat.value(0.012345, "")).isEqualTo("0.01235");
        assertThat(ComparisonHumanFormat.value(0.00012, "s")).isEqualTo("1.200e-04 s");
        assertThat(ComparisonHumanFormat.value(Double.NaN, "s")).isEqualTo("-");
        assertThat(ComparisonHumanFormat.signedPercent(-2.25)).isEqualTo("-2.3%");
        assertThat(ComparisonHumanFormat.signedPercent(Double.POSITIVE_INFINITY))
                .isEqualTo("+inf%");
        assertThat(ComparisonHumanFormat.pValue(0.00001)).isEqualTo("<0.0001");
    }

    @Test
    void humanLegendIsWrappedToTheTerminalWidth() {
        String text = new ComparisonHumanFormat(false).format(report());

        List<String> legend =
                text.lines().dropWhile(l -> !l.startsWith("Legend:")).toList();
        assertThat(legend)
                .hasSizeGreaterThan(2)
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(String.join(" ", legend)).isEqualTo(ComparisonHumanFormat.legend(report()));
    }

    @Test
    void markdownPutsNonStableRowsInATableAndStableOnesInCollapsedDetails() {
        String md = new ComparisonMarkdownFormat().format(report());

        assertThat(md).startsWith("### BitBench regression check: 1 blocking CRITICAL regression\n\n");
        int table = md.indexOf("| Level | Benchmark |");
        int critical = md.indexOf("| 🔴 **CRITICAL** | `k.slow\\|x` | time |");
        int details = md.indexOf("<details><summary>1 stable comparison</summary>\n\n| Level |");
        int stable = md.indexOf("| STABLE | `k.same` |");
        assertThat(table).isPositive();
        assertThat(critical).isGreaterThan(table);
        assertThat(details).isGreaterThan(critical);
        assertThat(stable).isGreaterThan(details);
        assertThat(md.indexOf("</details>")).isGreaterThan(stable);
        assertThat(md)
                .contains("🟢 IMPROVEMENT")
                .contains("🆕 NEW")
                .contains("❔ MISSING")
                .contains("<sub>Legend: Change is the signed change")
                .contains("Worse by is that change")
                .doesNotContain("WORSE BY");
        for (String line : md.lines().filter(l -> l.startsWith("| ")).toList()) {
            assertThat(line.replace("\\|", "").chars().filter(ch -> ch == '|').count())
                    .as(line)
                    .isEqualTo(11);
        }
    }

    @Test
    void markdownWithoutStableRowsHasNoDetailsBlock() {
        ComparisonReport onlyNew = new RegressionDetector(DetectorConfig.defaults())
                .compare(List.of(), List.of(Simulation.time("k.new", 1, 1, 1, 1, 1)));

        String md = new ComparisonMarkdownFormat().format(onlyNew);

        assertThat(md)
                .startsWith("### BitBench regression check: no blocking regression")
                .doesNotContain("<details>");
    }
}
