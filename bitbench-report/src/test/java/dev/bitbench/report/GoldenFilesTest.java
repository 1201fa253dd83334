package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Markdown and CSV of the committed run file against committed golden files. To accept a deliberate
 * change, run with {@code -Dbitbench.golden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/bitbench/report/golden");

    @Test
    void markdownOfTheFixtureRunMatchesTheGoldenFile() throws IOException {
        String md = new MarkdownReportFormat().format(ReportInput.of(ReportFixtures.fixtureRun()));
        assertGolden("performance-report.md", md);
    }

    @Test
    void markdownWithAComparisonMatchesTheGoldenFile() throws IOException {
        String md = new MarkdownReportFormat()
                .format(new ReportInput(ReportFixtures.fixtureRun(), ReportFixtures.comparison()));
        assertGolden("performance-report-with-comparison.md", md);
    }

    @Test
    void csvOfTheFixtureRunMatchesTheGoldenFile() throws IOException {
        String csv = new CsvReportFormat().format(ReportInput.of(ReportFixtures.fixtureRun()));
        assertGolden("results.csv", csv);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("bitbench.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
