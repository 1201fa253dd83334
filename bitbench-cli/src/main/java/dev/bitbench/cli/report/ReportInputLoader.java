package dev.bitbench.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.RunSource;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.report.ComparisonJsonReader;
import dev.bitbench.report.ComparisonSummary;
import dev.bitbench.report.ReportInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what {@code bitbench report} is given into a {@link ReportInput}: a run directory (its
 * {@code performance-report.json}, plus {@code regression-analysis.json} or {@code
 * comparison-results.json} when present), the {@code latest} pointer of a results directory, a
 * {@code performance-report.json} ({@code bitbench/run/v1}), or a comparison document ({@code
 * bitbench/comparison/v1}). At most one run and one comparison.
 */
final class ReportInputLoader {
    static final String RUN_FILE = "performance-report.json";
    static final List<String> COMPARISON_FILES = List.of("regression-analysis.json", "comparison-results.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunResult run;
    private Path runDirectory;
    private ComparisonSummary comparison;

    /** Loads every input; a bad input is a {@link UsageError} naming the file and what was expected. */
    static ReportInputLoader load(List<Path> inputs) throws IOException {
        return load(inputs, null);
    }

    /**
     * Loads every input; an input that is no file or directory is looked up as a run id in {@code
     * history} when one is given.
     */
    static ReportInputLoader load(List<Path> inputs, RunSource history) throws IOException {
        ReportInputLoader loader = new ReportInputLoader();
        for (Path input : inputs) {
            if (history != null && !Files.exists(input, LinkOption.NOFOLLOW_LINKS) && input.getNameCount() == 1) {
                loader.setRun(history.resolve(input.toString()), input);
            } else {
                loader.add(input);
            }
        }
        return loader;
    }

    /** The loaded input. */
    ReportInput input() {
        return new ReportInput(run, comparison);
    }

    /** The run directory given, or null when the run came from a file or was not given. */
    Path runDirectory() {
        return runDirectory;
    }

    private void add(Path input) throws IOException {
        Path path = resolveLatest(input);
        if (Files.isDirectory(path)) {
            Path runFile = path.resolve(RUN_FILE);
            if (!Files.isRegularFile(runFile)) {
                throw new UsageError(path + ": not a run directory (no " + RUN_FILE + ")");
            }
            setRun(readRun(runFile), input);
            runDirectory = path;
            for (String name : COMPARISON_FILES) {
                Path file = path.resolve(name);
                if (Files.isRegularFile(file) && comparison == null) {
                    // the current side is this run's commit; the baseline's is not in the file
                    String current = run.run().git().sha() == null
                            ? null
                            : run.run().git().shortSha();
                    comparison = ComparisonJsonReader.fromTree(tree(file), file.toString(), null, current);
                }
            }
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageError(input + ": no such file or directory (expected a run directory, " + RUN_FILE
                    + " or a comparison JSON)");
        }
        JsonNode tree = tree(path);
        String schema = tree.path("schema").asText("");
        if (schema.equals(RunResult.SCHEMA)) {
            setRun(readRun(path), input);
        } else if (ComparisonJsonReader.isComparison(tree)) {
            if (comparison != null) {
                throw new UsageError(input + ": a second comparison; report takes at most one");
            }
            comparison = ComparisonJsonReader.fromTree(tree, path.toString(), null, null);
        } else {
            throw new UsageError(input + ": field schema: expected \"" + RunResult.SCHEMA + "\" or \""
                    + "bitbench/comparison/v1\", was " + tree.path("schema"));
        }
    }

    /** {@code bitbench-results/latest} is a file holding the newest run id; follow it to that run. */
    private static Path resolveLatest(Path input) throws IOException {
        if (Files.isRegularFile(input) && input.getFileName().toString().equals("latest")) {
            String id = Files.readString(input).trim();
            Path dir = input.resolveSibling(id);
            if (id.isEmpty() || id.contains("/") || !Files.isDirectory(dir)) {
                throw new UsageError(input + ": points at run '" + id + "', which is not a directory next to it");
            }
            return dir;
        }
        return input;
    }

    private void setRun(RunResult loaded, Path input) {
        if (run != null) {
            throw new UsageError(input + ": a second run; report takes one run (and at most one comparison);"
                    + " for the trends of stored runs use --trend GLOB");
        }
        run = loaded;
    }

    private static RunResult readRun(Path file) throws IOException {
        try {
            return RunResultJson.read(file);
        } catch (InvalidResultException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static JsonNode tree(Path file) throws IOException {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new UsageError(file + ": not JSON: " + e.getOriginalMessage());
        }
    }
}
