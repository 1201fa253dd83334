package dev.bitbench.suite.inference;

import dev.bitbench.inference.fixtures.FixtureGenerator;
import dev.bitbench.inference.fixtures.FixtureManifest;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Where the end-to-end benchmarks ({@link InferenceBenchmark} and the llama.cpp peer) find their
 * model fixtures: {@code $BITBENCH_FIXTURES}, else {@value #DIR} under the working directory (the
 * one {@code bitbench run} was started in; JMH forks inherit both). A fixture there is reused while
 * the manifest records it with the run's seed and shape and its size and SHA-256 still match, else
 * generated; {@code bitbench setup} and {@code bitbench run} generate it beforehand so that a fork
 * does not pay for it.
 */
public final class InferenceFixtures {
    /** Where fixtures live, relative to the working directory. */
    public static final String DIR = ".bitbench/fixtures";
    /** An environment variable naming another fixture directory. */
    public static final String ENV = "BITBENCH_FIXTURES";
    /** The weight type of every benchmark fixture. */
    public static final GgmlType TYPE = GgmlType.TQ2_0;

    private InferenceFixtures() {}

    /** The fixture directory of this process: {@code $BITBENCH_FIXTURES}, else {@value #DIR}. */
    public static Path dir() {
        return dir(System.getenv());
    }

    /** The fixture directory for an environment: its {@value #ENV}, else {@value #DIR}. */
    public static Path dir(Map<String, String> env) {
        String value = env.get(ENV);
        return Path.of(value == null || value.isBlank() ? DIR : value);
    }

    /** The fixture of {@code shape} in {@code dir}, reused or generated (see {@link Fixtures#reuseOrGenerate}). */
    public static Path reuseOrGenerate(Path dir, FixtureShape shape, long seed, LongConsumer progress)
            throws IOException {
        return Fixtures.reuseOrGenerate(dir, shape, TYPE, seed, progress);
    }

    /**
     * Whether {@code dir} holds the fixture of {@code shape} and {@code seed} that {@link
     * #reuseOrGenerate} would reuse; reads but never writes.
     */
    public static boolean isCurrent(Path dir, FixtureShape shape, long seed) throws IOException {
        String name = FixtureGenerator.fileName(shape, TYPE);
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(dir.resolve(FixtureManifest.FILE_NAME)) || !Files.isRegularFile(file)) {
            return false;
        }
        for (FixtureManifest.Entry e : FixtureManifest.read(dir)) {
            if (e.file().equals(name)
                    && e.seed() == seed
                    && e.type().equals(TYPE.ggmlName())
                    && e.shape().equals(shape)
                    && e.size() == Files.size(file)
                    && e.sha256().equals(FixtureManifest.sha256(file))) {
                return true;
            }
        }
        return false;
    }

    /** Where the fixture of {@code shape} is (or will be) in {@code dir}. */
    public static Path file(Path dir, FixtureShape shape) {
        return dir.resolve(FixtureGenerator.fileName(shape, TYPE));
    }
}
