package dev.bitbench.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.result.InvalidResultException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark tools whose results BitBench imports, by their command-line names: {@code jmh},
 * {@code criterion}, {@code gbench}, {@code hyperfine}, {@code llama-bench}.
 */
public enum ImportFormat {
    /** JMH's {@code -rf json} result file. */
    JMH("jmh"),
    /** A Criterion.rs output directory ({@code target/criterion} or any directory below it). */
    CRITERION("criterion"),
    /** Google Benchmark's {@code --benchmark_format=json} (or {@code --benchmark_out}) file. */
    GBENCH("gbench"),
    /** hyperfine's {@code --export-json} file. */
    HYPERFINE("hyperfine"),
    /** llama.cpp's {@code llama-bench -o json} (or {@code -o jsonl}) output. */
    LLAMA_BENCH("llama-bench");

    private final String cliName;

    ImportFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in ids, e.g. {@code llama-bench}. */
    public String cliName() {
        return cliName;
    }

    /** The importer of this format. */
    public ResultImporter importer() {
        return switch (this) {
            case JMH -> new JmhImporter();
            case CRITERION -> new CriterionImporter();
            case GBENCH -> new GoogleBenchmarkImporter();
            case HYPERFINE -> new HyperfineImporter();
            case LLAMA_BENCH -> new LlamaBenchImporter();
        };
    }

    /**
     * The format named {@code name} ({@link #cliName()}, case-insensitive; {@code
     * google-benchmark} and {@code llama_bench} are accepted too).
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ImportFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ImportFormat f : values()) {
            if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        if (n.equals("google-benchmark") || n.equals("googlebenchmark")) {
            return GBENCH;
        }
        throw new IllegalArgumentException(
                "unknown import format '" + name + "': expected jmh, criterion, gbench, hyperfine or llama-bench");
    }

    /**
     * Recognises the format of a path from its content: a directory holding a Criterion {@code
     * benchmark.json} at any depth is {@link #CRITERION}; a JSON array whose first element has
     * {@code jmhVersion} or {@code primaryMetric} is {@link #JMH}, one whose first element has
     * {@code avg_ts} or {@code samples_ts} is {@link #LLAMA_BENCH} (JSON Lines too); an object with
     * {@code context} and {@code benchmarks} is {@link #GBENCH}; an object whose {@code results}
     * array holds {@code command} entries is {@link #HYPERFINE}.
     *
     * @return the format, or empty when the content is none of these (including our own run
     *     files, unreadable and non-JSON files)
     * @throws IOException if a directory cannot be listed
     */
    public static Optional<ImportFormat> detect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path, 8)) {
                return files.anyMatch(p -> p.getFileName().toString().equals("benchmark.json")
                                && p.getParent() != null
                                && Files.isRegularFile(p.getParent().resolve("estimates.json")))
                        ? Optional.of(CRITERION)
                        : Optional.empty();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(path);
        JsonNode root;
        try {
            root = SourceJson.parse(bytes, path.toString());
        } catch (InvalidResultException e) {
            String firstLine = new String(bytes, StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .findFirst()
                    .orElse("");
            try {
                root = SourceJson.parse(firstLine, path.toString());
            } catch (InvalidResultException again) {
                return Optional.empty();
            }
        }
        return detect(root);
    }

    private static Optional<ImportFormat> detect(JsonNode root) {
        JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : root.isObject() ? root : null;
        if (first == null || !first.isObject()) {
            return Optional.empty();
        }
        if (first.has("jmhVersion") || first.has("primaryMetric")) {
            return Optional.of(JMH);
        }
        if (first.has("avg_ts") || first.has("samples_ts")) {
            return Optional.of(LLAMA_BENCH);
        }
        if (root.isObject() && root.has("context") && root.has("benchmarks")) {
            return Optional.of(GBENCH);
        }
        JsonNode results = root.isObject() ? root.get("results") : null;
        if (results != null
                && results.isArray()
                && !results.isEmpty()
                && results.get(0).has("command")) {
            return Optional.of(HYPERFINE);
        }
        return Optional.empty();
    }
}
