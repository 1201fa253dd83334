package dev.bitbench.cli.run;

import dev.bitbench.core.energy.CounterWindow;
import dev.bitbench.core.energy.MachineCounters;
import dev.bitbench.core.energy.ProfiledMetric;
import dev.bitbench.core.energy.Reading;
import dev.bitbench.core.memory.LiveHeap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that runs inside the benchmark's JVM and adds the {@link ProfiledMetric}s to each
 * iteration's result: {@code peak_rss} and the energy, thermal and battery values from a {@link
 * CounterWindow} around the iteration, then {@code peak_heap}: the larger of the live heaps ({@link
 * LiveHeap}, one full GC) at the iteration's start and at its end. Both ends are needed because JMH
 * sets up trial state inside the first iteration and tears it down inside the last one, before this
 * profiler runs; the reading at an iteration's end serves as the next one's start, so it costs one
 * full GC per iteration (plus one before the first). The counters are read right after the
 * iteration stops, before the GC, so neither the GC nor the reads fall inside the measured time or
 * energy.
 *
 * <p>Values that cannot be read are not reported (never as zero); the runner records why once per
 * run ({@link CounterWindow#unavailable}). Options: {@code root=<dir>} reads the counters below
 * another root than {@code /} — for tests against a fake sysfs tree only.
 */
public final class MemoryEnergyProfiler implements InternalProfiler {
    private static final String ROOT_OPTION = "root=";

    private final MachineCounters counters;
    private CounterWindow window;
    /** Live heap at the start of the coming iteration (= the end of the last one), -1 before any reading. */
    private long liveAtStart = -1;

    /** The profiler of this machine, as JMH instantiates it without options. */
    public MemoryEnergyProfiler() {
        this.counters = MachineCounters.ofThisMachine();
    }

    /**
     * @param options empty, or {@code root=<dir>}
     * @throws ProfilerException for any other option
     */
    public MemoryEnergyProfiler(String options) throws ProfilerException {
        String o = options == null ? "" : options.trim();
        if (o.isEmpty()) {
            this.counters = MachineCounters.ofThisMachine();
        } else if (o.startsWith(ROOT_OPTION) && o.length() > ROOT_OPTION.length()) {
            this.counters = new MachineCounters(Path.of(o.substring(ROOT_OPTION.length())));
        } else {
            throw new ProfilerException("unknown option '" + o + "'; the only one is root=<dir>");
        }
    }

    @Override
    public String getDescription() {
        return "BitBench peak RSS, live heap after GC, RAPL energy, temperature, frequency and battery per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        if (window == null) {
            window = new CounterWindow(counters, benchmark.getForks() == 0);
        }
        if (liveAtStart < 0) {
            Reading<Long> heap = LiveHeap.measure(1);
            liveAtStart = heap.available() ? heap.value() : -1;
        }
        window.beginIteration(System.nanoTime());
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long now = System.nanoTime();
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        Map<ProfiledMetric, Double> values = window.endIteration(ops, now);
        Reading<Long> heap = LiveHeap.measure(1);
        if (heap.available()) {
            long peak = Math.max(liveAtStart, heap.value());
            values.put(ProfiledMetric.PEAK_HEAP, (double) peak);
            liveAtStart = heap.value();
        }
        return results(values);
    }

    /** JMH results of the values, in {@link ProfiledMetric} order. */
    static List<ScalarResult> results(Map<ProfiledMetric, Double> values) {
        List<ScalarResult> out = new ArrayList<>();
        for (ProfiledMetric m : ProfiledMetric.values()) {
            Double v = values.get(m);
            if (v != null) {
                AggregationPolicy policy = m == ProfiledMetric.PEAK_RSS || m == ProfiledMetric.PEAK_HEAP
                        ? AggregationPolicy.MAX
                        : AggregationPolicy.AVG;
                out.add(new ScalarResult(m.label(), v, m.unit(), policy));
            }
        }
        return out;
    }
}
