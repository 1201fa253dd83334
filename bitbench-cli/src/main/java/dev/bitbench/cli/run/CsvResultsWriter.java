package dev.bitbench.cli.run;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code results.csv}: one row per benchmark and metric (a benchmark that was not measured has one
 * row with an empty metric), RFC 4180 quoting, a header naming every column:
 *
 * <pre>
 * run_id,benchmark_id,group,op,backend,dtype,params,status,metric,unit,better,n,median,mean,stddev,
 * min,max,p95,p99,ci_low,ci_high,error
 * </pre>
 *
 * {@code params} is {@code key=value} pairs joined by {@code ;}. Numbers use {@code .} as the
 * decimal point whatever the locale.
 */
public final class CsvResultsWriter {
    /** The header line, without its line end. */
    public static final String HEADER = "run_id,benchmark_id,group,op,backend,dtype,params,status,metric,unit,better,n,"
            + "median,mean,stddev,min,max,p95,p99,ci_low,ci_high,error";

    private CsvResultsWriter() {}

    /** The whole file. */
    public static String render(RunResult run) {
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
        List<String> cells = new java.util.ArrayList<>(List.of(
                run.run().id(),
                b.id(),
                b.group(),
                b.op(),
                nullToEmpty(b.backend()),
                nullToEmpty(b.dtype()),
                params.toString(),
                b.status().json()));
        if (m == null) {
            cells.addAll(List.of("", "", "", "", "", "", "", "", "", "", "", "", ""));
        } else {
            cells.addAll(List.of(
                    name,
                    m.unit(),
                    m.better().json(),
                    Integer.toString(m.n()),
                    number(m.median()),
                    number(m.mean()),
                    number(m.stddev()),
                    number(m.min()),
                    number(m.max()),
                    number(m.p95()),
                    number(m.p99()),
                    number(m.ci().low()),
                    number(m.ci().high())));
        }
        cells.add(nullToEmpty(b.error()));
        StringJoiner line = new StringJoiner(",");
        cells.forEach(c -> line.add(quote(c)));
        return line.toString();
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
