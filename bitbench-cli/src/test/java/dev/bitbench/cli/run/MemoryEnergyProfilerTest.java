package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The profiler inside a real JMH run (forks 0, in this JVM) of {@link HeldArrayBenchmark}. */
class MemoryEnergyProfilerTest {
    private static final double MIB = 1024 * 1024;

    @BeforeAll
    static void letJmhRunBesideOtherJmhRuns() {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void reportsPeakHeapAndPeakRssOfThisMachinePerIteration() throws RunnerException {
        List<IterationResult> iterations = run("");

        assertThat(iterations).hasSize(3);
        for (IterationResult it : iterations) {
            Map<String, Result> secondary = it.getSecondaryResults();
            // the 32 MiB array is live and was written, so it is in the heap after GC and resident;
            // also in the last iteration, after whose end JMH has already dropped the state
            assertThat(secondary.get("peak_heap").getScore()).isGreaterThan(32 * MIB);
            assertThat(secondary.get("peak_heap").getScoreUnit()).isEqualTo("B");
            if (Files.isReadable(Path.of("/proc/self/status"))) {
                assertThat(secondary.get("peak_rss").getScore()).isGreaterThan(32 * MIB);
            } else {
                assertThat(secondary).doesNotContainKey("peak_rss");
            }
        }
    }

    @Test
    void readsCountersBelowTheGivenRootAndLeavesOutWhatItCannotRead(@TempDir Path root)
            throws RunnerException, IOException {
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/self/status"), "VmHWM:\t  4096 kB\n");
        Files.writeString(root.resolve("proc/self/clear_refs"), "");

        List<IterationResult> iterations = run("root=" + root);

        assertThat(Files.readString(root.resolve("proc/self/clear_refs"))).isEqualTo("5");
        for (IterationResult it : iterations) {
            Map<String, Result> secondary = it.getSecondaryResults();
            assertThat(secondary.get("peak_rss").getScore()).isEqualTo(4096.0 * 1024);
            assertThat(secondary)
                    .containsKey("peak_heap")
                    .doesNotContainKeys(
                            "energy", "power", "ops_per_joule", "temperature", "cpu_freq_ratio", "battery_drain");
        }
    }

    @Test
    void theRunnersProfilerOrderKeepsTheForcedGcOutOfTheGcProfilersCounts() throws RunnerException {
        ChainedOptionsBuilder runnerOrder = ForkHost.withProfilers(options());
        ChainedOptionsBuilder reversed =
                options().addProfiler(GCProfiler.class).addProfiler(MemoryEnergyProfiler.class);

        List<Double> counted = gcCounts(measured(runnerOrder));
        List<Double> countedReversed = gcCounts(measured(reversed));

        // reversed, the profiler's System.gc() after each iteration lands in the gc profiler's window;
        // in the runner's order only a collection the benchmark JVM ran by itself could (and it
        // allocates next to nothing)
        assertThat(countedReversed).hasSize(3).allMatch(c -> c >= 1);
        assertThat(counted).hasSize(3).anyMatch(c -> c == 0);
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> new MemoryEnergyProfiler("interval=5"))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("root=<dir>");
    }

    /** The measured iterations of one in-process run with the profiler given {@code profilerOptions}. */
    private static List<IterationResult> run(String profilerOptions) throws RunnerException {
        return measured(options().addProfiler(MemoryEnergyProfiler.class, profilerOptions));
    }

    /** {@link HeldArrayBenchmark} in this JVM (forks 0): one warm-up and three measured iterations of 20 ms. */
    private static ChainedOptionsBuilder options() {
        return new OptionsBuilder()
                .include("^" + HeldArrayBenchmark.class.getName().replace(".", "\\.") + "\\.sumOfAFew$")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(20))
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true);
    }

    private static List<IterationResult> measured(ChainedOptionsBuilder options) throws RunnerException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunResult result = new Runner(
                        options.build(), OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT))
                .run()
                .iterator()
                .next();
        return result.getBenchmarkResults().iterator().next().getIterationResults().stream()
                .toList();
    }

    private static List<Double> gcCounts(List<IterationResult> iterations) {
        return iterations.stream()
                .map(it -> it.getSecondaryResults().get("gc.count").getScore())
                .toList();
    }
}
