package dev.bitbench.cli.compare;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.imports.RunReader;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a run reference as a path with {@link RunReader}: a run directory, a {@code
 * performance-report.json}, or a JMH, Criterion, Google Benchmark, hyperfine or llama-bench output.
 * A missing path or a malformed file is a {@link UsageError} (exit 2) naming it.
 */
public final class PathRunSource implements RunSource {

    @Override
    public RunResult resolve(String reference) throws IOException {
        Path path = Path.of(reference);
        if (!Files.exists(path)) {
            throw new UsageError(reference + ": no such run directory or result file");
        }
        try {
            return RunReader.read(path);
        } catch (InvalidResultException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /**
     * The run directory of a reference that names one, so {@code check} can write {@code
     * regression-analysis.json} into it: the directory itself when it holds {@code
     * performance-report.json}, or the parent of a {@code performance-report.json} file; {@code null}
     * for other inputs (imported files).
     */
    public static Path runDirectory(String reference) {
        Path path = Path.of(reference);
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(RunReader.RUN_FILE))) {
            return path;
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().equals(RunReader.RUN_FILE)) {
            Path parent = path.toAbsolutePath().getParent();
            return parent;
        }
        return null;
    }
}
