package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.report.StepSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiEnvironmentTest {

    @Test
    void inCiProgressIsPlainAndColourOffEvenOnATerminal() {
        CiEnvironment ci = CiEnvironment.decide(Map.of("JENKINS_URL", "http://j"), true);
        assertThat(ci.ci().provider()).isEqualTo("jenkins");
        assertThat(ci.plainProgress()).isTrue();
        assertThat(ci.color()).isFalse();
        assertThat(ci.stepSummary()).isNull();
    }

    @Test
    void terminalOutsideCiGetsBarAndColourUnlessNoColor() {
        CiEnvironment local = CiEnvironment.decide(Map.of(), true);
        assertThat(local.ci()).isNull();
        assertThat(local.plainProgress()).isFalse();
        assertThat(local.color()).isTrue();
        assertThat(CiEnvironment.decide(Map.of("NO_COLOR", ""), true).color()).isFalse();
        assertThat(CiEnvironment.decide(Map.of("TERM", "dumb"), true).plainProgress())
                .isTrue();
        assertThat(CiEnvironment.decide(Map.of(), false).plainProgress()).isTrue();
    }

    @Test
    void githubActionsNamesTheStepSummaryFile() {
        CiEnvironment gh =
                CiEnvironment.decide(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", "/tmp/summary.md"), false);
        assertThat(gh.ci().provider()).isEqualTo("github-actions");
        assertThat(gh.stepSummary()).isEqualTo(Path.of("/tmp/summary.md"));
    }

    @Test
    void stepSummaryAppendsAndSeparatesSections(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.md");
        assertThat(new StepSummary(Map.of()).append("# nothing")).isEmpty();
        StepSummary summary = new StepSummary(Map.of("GITHUB_STEP_SUMMARY", file.toString()));
        summary.append("# one");
        summary.append("two\n");
        assertThat(Files.readString(file)).isEqualTo("# one\n\ntwo\n\n");
    }
}
