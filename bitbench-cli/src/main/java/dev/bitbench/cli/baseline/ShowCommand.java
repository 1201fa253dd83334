package dev.bitbench.cli.baseline;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.core.baseline.BaselineMetric;
import dev.bitbench.core.baseline.Baselines;
import dev.bitbench.core.baseline.BenchmarkBaseline;
import dev.bitbench.core.baseline.PlatformBaseline;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baseline show}: the baselines file as a table. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {"Prints the baselines of one platform (or all) as a table.", ""})
public final class ShowCommand implements Callable<Integer> {

    @Option(names = "--platform", paramLabel = "P", description = "Only this platform (default: all).")
    String platform;

    @Option(names = "--file", paramLabel = "FILE", description = "Baselines file (default: baselines.json).")
    Path file = Path.of("baselines.json");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Baselines baselines = BaselineFiles.readExisting(file);
        Map<String, PlatformBaseline> shown = platform == null
                ? baselines.platforms()
                : Map.of(platform, BaselineFiles.platform(baselines, file, platform));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "PLATFORM", "BENCHMARK", "METRIC", "MEDIAN", "UNIT", "BETTER", "N", "CREATED", "GIT", "JDK"
        });
        shown.forEach((key, p) -> p.benchmarks()
                .forEach((id, b) -> b.metrics().forEach((name, m) -> rows.add(row(key, id, name, b, m)))));
        PrintWriter out = spec.commandLine().getOut();
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean right = i == 3 || i == 6;
                String pad = " ".repeat(widths[i] - r[i].length());
                line.append(right ? pad + r[i] : r[i] + pad).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println(file + ": " + (rows.size() - 1) + " metrics; thresholds: "
                + (baselines.thresholds() == null ? "defaults (docs/detection.md)" : "from the file")
                + "; N = pooled samples (0: a single number, compared by thresholds only)");
        out.flush();
        return ExitCodes.OK;
    }

    private static String[] row(String platform, String id, String name, BenchmarkBaseline b, BaselineMetric m) {
        return new String[] {
            platform,
            id,
            name,
            m.median() == 0.0
                    ? "0"
                    : new BigDecimal(m.median())
                            .round(new MathContext(5))
                            .stripTrailingZeros()
                            .toPlainString(),
            m.unit().isEmpty() ? "-" : m.unit(),
            m.better().json(),
            Integer.toString(m.sampleCount()),
            b.created() == null ? "-" : b.created().toString(),
            b.gitSha() == null
                    ? "-"
                    : b.gitSha().substring(0, Math.min(7, b.gitSha().length())),
            b.jdk() == null ? "-" : b.jdk()
        };
    }
}
