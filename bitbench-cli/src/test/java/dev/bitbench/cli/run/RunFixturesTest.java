package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.suite.inference.InferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFixturesTest {
    @TempDir
    Path dir;

    private static List<BenchmarkCase> plan(String filter, String profile) {
        return SuitePlanner.plan(new SuitePlanner.Request(
                Optional.of(Pattern.compile(filter)), Set.of(), List.of(), 1, Set.of(), Set.of(), profile));
    }

    /** Records the notes a run would show. */
    private static final class Notes implements RunProgress {
        final List<String> lines = new ArrayList<>();

        @Override
        public void note(String line) {
            lines.add(line);
        }

        @Override
        public void started(int total) {}

        @Override
        public void benchmarkStarted(int position, String id) {}

        @Override
        public void benchmarkFinished(int position, String id, String status) {}

        @Override
        public void close() {}
    }

    @Test
    void theInferenceAndLlamaCppBenchmarksNeedTheProfilesModelsAndKernelsNone() {
        assertThat(RunFixtures.needed(plan("^(inference|peers)\\.decode", "smoke")))
                .containsExactly(FixtureShape.TINY);
        assertThat(RunFixtures.needed(plan("^peers\\.prefill/llama-cpp", "quick")))
                .containsExactly(FixtureShape.SMALL);
        assertThat(RunFixtures.needed(plan("^inference\\.", "thorough")))
                .containsExactly(FixtureShape.SMALL, FixtureShape.MEDIUM);
        assertThat(RunFixtures.needed(plan("^kernels\\.add/", "quick"))).isEmpty();
    }

    @Test
    void aMissingFixtureIsGeneratedWithProgressOnceAndThenReusedSilently() throws IOException {
        List<BenchmarkCase> smoke = plan("^inference\\.decode/simd/", "smoke");
        Notes first = new Notes();
        assertThat(RunFixtures.prepare(smoke, dir, 42, first)).containsExactly(FixtureShape.TINY);
        assertThat(first.lines.get(0))
                .isEqualTo("generating the tiny model fixture (seed 42) in " + dir + "; later runs reuse it");
        Path file = InferenceFixtures.file(dir, FixtureShape.TINY);
        assertThat(first.lines.get(first.lines.size() - 1)).contains(file.toString());
        assertThat(InferenceFixtures.isCurrent(dir, FixtureShape.TINY, 42)).isTrue();
        FileTime written = Files.getLastModifiedTime(file);

        Notes second = new Notes();
        assertThat(RunFixtures.prepare(smoke, dir, 42, second)).isEmpty();
        assertThat(second.lines).isEmpty();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);

        // another run seed is another fixture
        assertThat(InferenceFixtures.isCurrent(dir, FixtureShape.TINY, 7)).isFalse();
        assertThat(RunFixtures.prepare(smoke, dir, 7, new Notes())).containsExactly(FixtureShape.TINY);
        assertThat(InferenceFixtures.isCurrent(dir, FixtureShape.TINY, 7)).isTrue();
    }
}
