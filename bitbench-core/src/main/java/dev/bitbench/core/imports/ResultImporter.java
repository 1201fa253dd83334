package dev.bitbench.core.imports;

import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Converts the output of another benchmark tool into a {@code bitbench/run/v1} run, keeping the
 * per-iteration samples wherever the tool records them and giving every metric its unit and
 * direction. One implementation per tool, obtained from {@link ImportFormat#importer()}.
 *
 * <p>Implementations are stateless and thread-safe; they read the input completely and validate it
 * before returning, so a caller that writes the result never writes a partial import.
 */
public interface ResultImporter {

    /** The format this importer reads. */
    ImportFormat format();

    /**
     * Reads and converts one input.
     *
     * @param path the tool's output file (a directory for Criterion)
     * @param options the machine description and the overrides to apply
     * @return a valid run; its benchmarks are in the input's order
     * @throws IOException if the input cannot be read
     * @throws InvalidResultException if the input is not what the tool writes: the message names the
     *     file, the JSON path of the offending field and the expected value
     */
    RunResult read(Path path, ImportOptions options) throws IOException;
}
