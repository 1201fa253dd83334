package dev.bitbench.core.imports;

import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads any result input into a run: a run directory (holding {@code performance-report.json}), a
 * {@code performance-report.json} file ({@code bitbench/run/v1}), or the output of another tool
 * whose format {@link ImportFormat#detect} recognises (a JMH, Google Benchmark, hyperfine or
 * llama-bench file, a Criterion directory). This is what {@code compare} accepts as its inputs.
 */
public final class RunReader {

    /** The file name of a run in a run directory: {@value}. */
    public static final String RUN_FILE = "performance-report.json";

    private RunReader() {}

    /** Reads {@code path} with {@link ImportOptions#defaults()} for imported inputs. */
    public static RunResult read(Path path) throws IOException {
        return read(path, ImportOptions.defaults());
    }

    /**
     * Reads {@code path}.
     *
     * @param options used only when the input is another tool's output
     * @throws NoSuchFileException if nothing exists at {@code path}
     * @throws IOException if it cannot be read
     * @throws InvalidResultException if it is neither a valid run nor a recognised tool's output, or
     *     is malformed: the message names the file, the field and the expected value
     */
    public static RunResult read(Path path, ImportOptions options) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(RUN_FILE))) {
            return RunResultJson.read(path.resolve(RUN_FILE));
        }
        if (Files.isRegularFile(path) && isOwnSchema(path)) {
            return RunResultJson.read(path);
        }
        Optional<ImportFormat> format = ImportFormat.detect(path);
        if (format.isPresent()) {
            return format.get().importer().read(path, options);
        }
        throw new InvalidResultException(
                path.toString(),
                "$",
                Files.isDirectory(path)
                        ? "a run directory with " + RUN_FILE + " or a Criterion output directory"
                        : "a " + RunResult.SCHEMA + " run file or JMH, Google Benchmark, hyperfine or llama-bench JSON",
                "content of none of these formats");
    }

    /** Our writer puts {@code "schema"} first; the strict reader then names any mismatch. */
    private static boolean isOwnSchema(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf('{');
        return start >= 0
                && text.substring(start, Math.min(text.length(), start + 200)).contains("\"schema\"");
    }
}
