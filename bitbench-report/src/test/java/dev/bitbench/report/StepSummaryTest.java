package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {
    @TempDir
    Path dir;

    @Test
    void appendsTheMarkdownToTheFileGithubNames() throws Exception {
        Path file = dir.resolve("summary.md");
        Files.writeString(file, "earlier step\n");
        ReportInput input = new ReportInput(null, ReportFixtures.comparison());
        var written = new StepSummary(Map.of(StepSummary.VARIABLE, file.toString())).append(input);
        assertThat(written).contains(file);
        assertThat(Files.readString(file))
                .isEqualTo("earlier step\n" + new MarkdownReportFormat().format(input) + "\n");
    }

    @Test
    void doesNothingOutsideGithubActions() throws Exception {
        assertThat(new StepSummary(Map.of()).append(ReportInput.of(ReportFixtures.fixtureRun())))
                .isEmpty();
        assertThat(new StepSummary(Map.of(StepSummary.VARIABLE, " "))
                        .append(ReportInput.of(ReportFixtures.fixtureRun())))
                .isEmpty();
        assertThat(dir).isEmptyDirectory();
    }
}
