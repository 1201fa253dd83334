package dev.bitbench.report;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code results.csv}: one row per benchmark and metric (a benchmark without metrics, i.e. failed,
 * timed out or skipped, has one row with the metric columns empty), RFC 4180 quoting, {@code \n}
 * line ends, this header:
 *
 * <pre>
 * run_id,benchmark_id,group,op,backend,dtype,params,status,metric,unit,better,n,median,mean,
 * stddev,min,max,p50,p95,p99,ci_level,ci_low,ci_high,error
 * </pre>
 *
 * <ul>
 *   <li>{@code params}: {@code key=value} pairs joined by {@code ;}, in the run's order;
 *   <li>{@code better}: {@code lower} or {@code higher};
 *   <li>numbers: Java's shortest exact decimal ({@link Double#toString}), {@code .} as decimal
 *       point whatever the locale, so a reader gets back the same double;
 *   <li>{@code ci_*}: the confidence interval of the median (level e.g. {@code 0.95});
 *   <li>{@code error}: the reason a benchmark was not measured, empty when measured.
 * </ul>
 */
public final class CsvReportFormat implements ReportFormat {

    /** The header line, without its line end. */
    public static final String HEADER = "run_id,benchmark_id,group,op,backend,dtype,params,status,metric,unit,better,n,"
            + "median,mean,stddev,min,max,p50,p95,p99,ci_level,ci_low,ci_high,error";

    private static final int METRIC_COLUMNS = 15;

    @Override
    public String defaultFileName() {
        return "results.csv";
    }

    /** @throws IllegalArgumentException when the input has no run (a comparison alone has no samples) */
    @Override
    public String format(ReportInput input) {
        RunResult run = input.run();
        if (run == null) {
            throw new IllegalArgumentException("csv needs a run (a run directory or performance-report.json)");
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.metrics().isEmpty()) {
                out.append(row(run, b, null, null)).append('\n');
            }
            for (Map.Entry<String, Metric> m : b.metrics().entrySet()) {
                out.append(row(run, b, m.getKey(), m.getValue())).append('\n');
            }
        }
        return out.toString();
    }

    private static String row(RunResult run, BenchmarkResult b, String name, Metric m) {
        StringJoiner params = new StringJoiner(";");
        b.params().forEach((k, v) -> params.add(k + "=" + v));
        List<String> cells = new ArrayList<>(List.of(
                run.run().id(),
                b.id(),
                b.group(),
                b.op(),
                orEmpty(b.backend()),
                orEmpty(b.dtype()),
                params.toString(),
                b.status().json()));
        if (m == null) {
            for (int i = 0; i < METRIC_COLUMNS; i++) {
                cells.add("");
            }
        } else {
            cells.add(name);
            cells.add(m.unit());
            cells.add(m.better().json());
            cells.add(Integer.toString(m.n()));
            for (double v : new double[] {
                m.median(),
                m.mean(),
                m.stddev(),
                m.min(),
                m.max(),
                m.p50(),
                m.p95(),
                m.p99(),
                m.ci().level(),
                m.ci().low(),
                m.ci().high()
            }) {
                cells.add(Double.toString(v));
            }
        }
        cells.add(orEmpty(b.error()));
        StringJoiner line = new StringJoiner(",");
        cells.forEach(c -> line.add(quote(c)));
        return line.toString();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
