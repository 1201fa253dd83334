package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportFormatTest {
    private final RunResult run = ReportFixtures.fixtureRun();

    /** A minimal RFC 4180 reader, independent of the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void oneRowPerBenchmarkAndMetricPlusOneForEachUnmeasured() {
        List<List<String>> rows = parse(new CsvReportFormat().format(ReportInput.of(run)));
        long expected = run.benchmarks().stream()
                .mapToLong(b -> Math.max(1, b.metrics().size()))
                .sum();
        assertThat(rows).hasSize((int) expected + 1);
        assertThat(String.join(",", rows.get(0))).isEqualTo(CsvReportFormat.HEADER);
        int columns = rows.get(0).size();
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(columns));
    }

    @Test
    void numbersReadBackToTheSameDoubles() {
        List<List<String>> rows = parse(new CsvReportFormat().format(ReportInput.of(run)));
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            BenchmarkResult b = run.benchmark(r.get(header.indexOf("benchmark_id")));
            String metric = r.get(header.indexOf("metric"));
            if (metric.isEmpty()) {
                assertThat(r.get(header.indexOf("error"))).isEqualTo(b.error());
                continue;
            }
            Metric m = b.metrics().get(metric);
            assertThat(Double.parseDouble(r.get(header.indexOf("median")))).isEqualTo(m.median());
            assertThat(Double.parseDouble(r.get(header.indexOf("p95")))).isEqualTo(m.p95());
            assertThat(Double.parseDouble(r.get(header.indexOf("ci_high")))).isEqualTo(m.ci().high());
            assertThat(Integer.parseInt(r.get(header.indexOf("n")))).isEqualTo(m.n());
        }
    }

    @Test
    void cellsWithCommasQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvReportFormat.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReportFormat.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReportFormat.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReportFormat.quote("plain")).isEqualTo("plain");
    }

    @Test
    void aComparisonAloneHasNoCsv() {
        assertThatThrownBy(() -> new CsvReportFormat().format(new ReportInput(null, ReportFixtures.comparison())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("csv needs a run");
    }
}
