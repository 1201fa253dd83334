package dev.bitbench.core.system;

import dev.bitbench.core.result.GitInfo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git state of a working directory, by running {@code git rev-parse HEAD}, {@code git
 * rev-parse --abbrev-ref HEAD} and {@code git status --porcelain} in it, each with a timeout. A
 * field is {@code null} when its command fails, times out or git is not installed; outside a
 * repository the result is {@link GitInfo#UNKNOWN}. Never throws for these cases.
 */
public final class GitInspector {

    /** Timeout of each git command unless given: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private GitInspector() {}

    /** The git state of {@code dir} with {@link #DEFAULT_TIMEOUT} per command. */
    public static GitInfo inspect(Path dir) {
        return inspect(dir, DEFAULT_TIMEOUT);
    }

    /**
     * The git state of {@code dir}.
     *
     * @param dir a directory inside the working tree
     * @param timeout limit for each of the three commands
     */
    public static GitInfo inspect(Path dir, Duration timeout) {
        String sha = run(dir, timeout, "rev-parse", "HEAD");
        if (sha != null && !sha.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            sha = null;
        }
        String branch = run(dir, timeout, "rev-parse", "--abbrev-ref", "HEAD");
        if (branch != null && branch.isBlank()) {
            branch = null;
        }
        String status = run(dir, timeout, "status", "--porcelain");
        Boolean dirty = status == null ? null : !status.isBlank();
        return new GitInfo(sha, branch, dirty);
    }

    /** Stdout of {@code git args...} trimmed, or {@code null} on any failure. */
    private static String run(Path dir, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Path out = null;
        Process process = null;
        try {
            // Output goes to a file, so a hung git cannot block a pipe read past the timeout.
            out = Files.createTempFile("bitbench-git-", ".out");
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return null;
            }
            return Files.readString(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }
}
