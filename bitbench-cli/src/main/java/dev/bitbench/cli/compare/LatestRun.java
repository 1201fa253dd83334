package dev.bitbench.cli.compare;

import dev.bitbench.cli.UsageError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Finds the newest run directory: {@code <results>/latest}, where {@code results} is {@code
 * BITBENCH_RESULTS} or {@code bitbench-results}. {@code latest} is a symbolic link to the run
 * directory, or (where links are not possible) a file holding the run id.
 */
final class LatestRun {

    private LatestRun() {}

    static Path resolve() throws IOException {
        String env = System.getenv("BITBENCH_RESULTS");
        return resolveIn(Path.of(env == null || env.isBlank() ? "bitbench-results" : env));
    }

    /** The run directory {@code root/latest} points at. */
    static Path resolveIn(Path root) throws IOException {
        Path latest = root.resolve("latest");
        if (Files.isDirectory(latest)) {
            return latest;
        }
        if (Files.isRegularFile(latest, LinkOption.NOFOLLOW_LINKS)) {
            String id = Files.readString(latest, StandardCharsets.UTF_8).trim();
            if (id.isEmpty() || id.contains("/") || id.contains("\\")) {
                throw new UsageError(latest + ": expected a run id, found '" + id + "'");
            }
            return root.resolve(id);
        }
        throw new UsageError(latest + ": no latest run; run `bitbench run` first or name a run directory");
    }
}
