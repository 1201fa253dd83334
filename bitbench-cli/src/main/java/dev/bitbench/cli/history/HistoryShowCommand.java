package dev.bitbench.cli.history;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.store.RunStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bitbench history show ID}: one stored run with every benchmark's medians. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one stored run: its settings, machine and every benchmark's median with its 95%% CI.",
        footerHeading = "%nExample:%n",
        footer = "  bitbench history show 20261123T101233Z-f8fe249")
public final class HistoryShowCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "Run id (see `bitbench history list`).")
    String id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunResult run;
        String url;
        try (RunStore s = store.open()) {
            url = s.url();
            run = s.load(id).orElseThrow(() -> noSuchRun(id, s.url()));
        }
        PrintWriter out = spec.commandLine().getOut();
        var info = run.run();
        var sys = run.system();
        out.println("run       " + info.id() + "  (" + url + ")");
        out.println("started   " + info.started() + "   finished " + info.finished());
        out.println("profile   " + info.profile() + "   seed " + info.seed() + "   status "
                + info.status().json());
        out.println("git       "
                + (info.git().sha() == null ? "unknown" : info.git().sha()) + " on "
                + (info.git().branch() == null ? "unknown branch" : info.git().branch())
                + (Boolean.TRUE.equals(info.git().dirty()) ? " (dirty)" : ""));
        out.println("platform  " + sys.platform() + "   " + sys.cpu().model() + ", "
                + sys.cpu().cores() + " cores");
        out.println("jvm       " + sys.jvm().vendor() + " " + sys.jvm().version());
        if (!info.tags().isEmpty()) {
            out.println("tags      " + info.tags());
        }
        out.println();
        TextTable table = new TextTable("BENCHMARK", "STATUS", "METRIC", "MEDIAN", "95% CI", "UNIT", "N", "NOTE");
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.metrics().isEmpty()) {
                table.row(b.id(), b.status().json(), "-", "-", "-", "-", "-", b.error() == null ? "" : b.error());
            }
            for (Map.Entry<String, Metric> e : b.metrics().entrySet()) {
                Metric m = e.getValue();
                table.row(
                        b.id(),
                        b.status().json(),
                        e.getKey(),
                        number(m.median()),
                        "[" + number(m.ci().low()) + ", " + number(m.ci().high()) + "]",
                        m.unit(),
                        Integer.toString(m.n()),
                        "");
            }
        }
        table.print(out);
        out.flush();
        return 0;
    }

    static UsageError noSuchRun(String id, String url) {
        return new UsageError("no run '" + id + "' in " + url + ": expected an id from `bitbench history list`");
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
