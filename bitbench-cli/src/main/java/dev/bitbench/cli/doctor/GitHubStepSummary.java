package dev.bitbench.cli.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends Markdown to the job summary of a GitHub Actions step, the file named by {@code
 * GITHUB_STEP_SUMMARY}. Appends (several steps and commands share the file) and ends what it
 * writes with a blank line so that the next section starts cleanly.
 */
public final class GitHubStepSummary {

    /** The environment variable GitHub Actions sets to the summary file of the current step. */
    public static final String ENV = "GITHUB_STEP_SUMMARY";

    private final Path file;

    private GitHubStepSummary(Path file) {
        this.file = file;
    }

    /** The writer for {@code env}, or {@code null} when {@value #ENV} is not set. */
    public static GitHubStepSummary from(Map<String, String> env) {
        String value = env.get(ENV);
        return value == null || value.isBlank() ? null : new GitHubStepSummary(Path.of(value));
    }

    /** The summary file. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code markdown} and a blank line, creating the file if needed.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void append(String markdown) {
        String text = markdown.endsWith("\n") ? markdown + "\n" : markdown + "\n\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    new IOException("cannot write the step summary " + file + ": " + e.getMessage(), e));
        }
    }
}
