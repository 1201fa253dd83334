package dev.bitbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * The GitHub Actions job summary: when the environment sets {@value #VARIABLE}, the Markdown report
 * is appended to the file it names (GitHub renders it on the run's page). The environment is passed
 * in, so tests need not set process variables.
 */
public final class StepSummary {

    /** The environment variable GitHub Actions sets to the summary file's path. */
    public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private final Map<String, String> environment;

    /** A step summary reading {@value #VARIABLE} from {@code environment} (e.g. {@code System.getenv()}). */
    public StepSummary(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Appends the Markdown of {@code input} to the summary file, creating it when absent.
     *
     * @return the file appended to, or empty when {@value #VARIABLE} is unset or blank
     * @throws IOException when the file cannot be written
     */
    public Optional<Path> append(ReportInput input) throws IOException {
        return append(new MarkdownReportFormat().format(input));
    }

    /**
     * Appends {@code markdown}, ended by a blank line so the next section (several steps and
     * commands share the file) starts cleanly; creates the file when absent.
     *
     * @return the file appended to, or empty when {@value #VARIABLE} is unset or blank
     * @throws IOException when the file cannot be written
     */
    public Optional<Path> append(String markdown) throws IOException {
        String target = environment.get(VARIABLE);
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(target);
        String text = markdown.endsWith("\n") ? markdown + "\n" : markdown + "\n\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Optional.of(file);
    }
}
