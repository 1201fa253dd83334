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
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
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
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> new MemoryEnergyProfiler("interval=5"))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("root=<dir>");
    }

    /** The measured iterations of one in-process run with the profiler given {@code options}. */
    private static List<IterationResult> run(String options) throws RunnerException {
        OptionsBuilder options1 = new OptionsBuilder();
        options1.include("^" + HeldArrayBenchmark.class.getName().replace(".", "\\.") + "\\.sumOfAFew$")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(20))
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(20))
                .addProfiler(MemoryEnergyProfiler.class, options)
                .shouldFailOnError(true);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunResult result = new Runner(
                        options1.build(), OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT))
                .run()
                .iterator()
                .next();
        return result.getBenchmarkResults().iterator().next().getIterationResults().stream()
                .toList();
    }
}
