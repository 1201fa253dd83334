package dev.bitbench.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.cli.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestRunTest {

    @TempDir
    Path root;

    @Test
    void followsALatestLink() throws IOException {
        Path run = Files.createDirectories(root.resolve("20261123T100000Z-abcdef1"));
        Files.createSymbolicLink(root.resolve("latest"), run.getFileName());

        assertThat(LatestRun.resolveIn(root).toRealPath()).isEqualTo(run.toRealPath());
    }

    @Test
    void readsTheRunIdFromALatestFile() throws IOException {
        Files.writeString(root.resolve("latest"), "20261123T100000Z-abcdef1\n");

        assertThat(LatestRun.resolveIn(root)).isEqualTo(root.resolve("20261123T100000Z-abcdef1"));
    }

    @Test
    void withoutALatestRunSaysHowToMakeOne() {
        assertThatThrownBy(() -> LatestRun.resolveIn(root))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("no latest run")
                .hasMessageContaining("bitbench run");
    }

    @Test
    void rejectsALatestFileThatIsNotARunId() throws IOException {
        Files.writeString(root.resolve("latest"), "../elsewhere\n");

        assertThatThrownBy(() -> LatestRun.resolveIn(root))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("expected a run id");
    }
}
