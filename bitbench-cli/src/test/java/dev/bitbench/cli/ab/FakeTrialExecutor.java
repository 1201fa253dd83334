package dev.bitbench.cli.ab;

import dev.bitbench.core.Direction;
import dev.bitbench.core.ab.TrialOutcome;
import dev.bitbench.suite.SlowdownInjection;
import dev.bitbench.suite.SlowdownRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A stand-in for the process launcher: benchmarks {@code kernels.x} (10 ms/op) and {@code kernels.y} (5
 * ms/op), a machine that drifts slowly by up to +-20 % over the calls (so both versions of one round
 * see about the same machine), B slower on {@code kernels.x} by {@code slowdown}, and any version
 * slowed down as the suite's hook would under {@code BITBENCH_INJECT_SLOWDOWN}. Records every
 * call; can raise a stop flag after a number of calls (Ctrl-C).
 */
final class FakeTrialExecutor implements TrialExecutor {

    record Call(String version, String filter, int lane) {}

    private static final Map<String, Double> BENCHMARKS = Map.of("kernels.x", 10.0, "kernels.y", 5.0);

    private final double slowdown;
    private final java.util.function.Function<Version, SlowdownRules> injection =
            v -> SlowdownRules.parse(v.environment().get(SlowdownInjection.ENV));
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private AtomicBoolean stop;
    private int stopAfter = Integer.MAX_VALUE;

    FakeTrialExecutor(double slowdown) {
        this.slowdown = slowdown;
    }

    FakeTrialExecutor stopAfter(int calls, AtomicBoolean flag) {
        this.stopAfter = calls;
        this.stop = flag;
        return this;
    }

    @Override
    public synchronized Map<String, List<TrialOutcome.Value>> run(Version version, String filterRegex, int lane) {
        int n = calls.size();
        calls.add(new Call(version.label(), filterRegex, lane));
        if (stop != null && calls.size() >= stopAfter) {
            stop.set(true);
        }
        double machine = 1.0 + 0.2 * Math.sin(n / 9.0) + 0.002 * ((n * 7919) % 5 - 2);
        Map<String, List<TrialOutcome.Value>> out = new LinkedHashMap<>();
        Pattern p = Pattern.compile(filterRegex);
        for (String id : List.of("kernels.x", "kernels.y")) {
            if (!p.matcher(id).find()) {
                continue;
            }
            double value = BENCHMARKS.get(id) * machine;
            if (version.label().startsWith("B") && id.equals("kernels.x")) {
                value *= 1.0 + slowdown;
            }
            // what the suite's hook does in a real trial
            value *= 1.0 + injection.apply(version).percentFor(id) / 100.0;
            out.put(id, List.of(new TrialOutcome.Value("time", "ms/op", Direction.LOWER, value)));
        }
        return out;
    }
}
