package dev.bitbench.cli.run;

import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.suite.BenchmarkDescriptor;
import dev.bitbench.suite.inference.InferenceFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generates the model fixtures a run's plan loads before any fork starts, with progress, so that
 * no benchmark's set-up pays for it inside its fork (where it would also count against the
 * benchmark's timeout). The forks then find the fixture in the same directory ({@link
 * InferenceFixtures#dir()}; they inherit the working directory and the environment) and reuse it.
 */
final class RunFixtures {
    /** Bytes written between two progress lines. */
    private static final long REPORT_EVERY = 64L << 20;

    private RunFixtures() {}

    /**
     * The fixture shapes the plan's end-to-end benchmarks load: the {@code model} parameter of
     * group {@code inference} and of the llama.cpp peers, smallest first.
     */
    static Set<FixtureShape> needed(List<BenchmarkCase> plan) {
        Set<String> names = new LinkedHashSet<>();
        for (BenchmarkCase c : plan) {
            BenchmarkDescriptor d = c.descriptor();
            boolean loadsModel = d.group().equals("inference")
                    || (d.backend() != null && d.backend().startsWith("llama-cpp"));
            String model = d.params().get(SuitePlanner.MODEL_PARAMETER);
            if (loadsModel && model != null) {
                names.add(model);
            }
        }
        Set<FixtureShape> shapes = new LinkedHashSet<>();
        for (FixtureShape s : FixtureShape.ALL) {
            if (names.contains(s.name())) {
                shapes.add(s);
            }
        }
        return shapes;
    }

    /**
     * Makes every fixture of {@link #needed} current in {@code dir} for {@code seed}: a fixture the
     * manifest already records is reused silently; a missing or stale one is generated, with a note
     * to {@code progress} when it starts, every {@value #REPORT_EVERY} bytes and when it is done.
     *
     * @return the shapes that had to be generated
     * @throws IOException if a fixture cannot be written
     */
    static List<FixtureShape> prepare(List<BenchmarkCase> plan, Path dir, long seed, RunProgress progress)
            throws IOException {
        List<FixtureShape> generated = new java.util.ArrayList<>();
        for (FixtureShape shape : needed(plan)) {
            if (InferenceFixtures.isCurrent(dir, shape, seed)) {
                continue;
            }
            progress.note("generating the " + shape.name() + " model fixture (seed " + seed + ") in " + dir
                    + "; later runs reuse it");
            long start = System.nanoTime();
            long[] next = {REPORT_EVERY};
            Path file = InferenceFixtures.reuseOrGenerate(dir, shape, seed, written -> {
                if (written >= next[0]) {
                    next[0] += REPORT_EVERY;
                    progress.note(String.format(Locale.ROOT, "  %s: %d MB written", shape.name(), written >> 20));
                }
            });
            progress.note(String.format(
                    Locale.ROOT, "  %s: %s in %.1f s", shape.name(), file, (System.nanoTime() - start) / 1e9));
            generated.add(shape);
        }
        return generated;
    }
}
