package dev.bitbench.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bitbench.core.result.AtomicFileWriter;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.report.CsvReportFormat;
import dev.bitbench.report.HtmlReportFormat;
import dev.bitbench.report.MarkdownReportFormat;
import dev.bitbench.report.ReportInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the run directory {@code <root>/<run-id>/}: {@code performance-report.json}, {@code
 * performance-report.md}, {@code results.csv}, {@code system-info.json}, {@code jmh-raw.json}, {@code
 * report.html} (the formats of {@code bitbench-report}, the same as {@code bitbench report} writes), and
 * points {@code <root>/latest} at it (a symbolic link, or a file holding the run id where links
 * cannot be made).
 */
public final class RunDirectory {
    /** The files every run directory has, in the order they are written. */
    public static final List<String> FILES = List.of(
            "performance-report.json",
            "performance-report.md",
            "results.csv",
            "system-info.json",
            "jmh-raw.json",
            "report.html");

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunDirectory() {}

    /**
     * A run id not yet used under {@code root}: UTC start time plus short git sha, e.g. {@code
     * 20261123T101233Z-f8fe249}, with {@code -2}, {@code -3}, ... if that directory exists.
     */
    public static String newRunId(Path root, Instant started, GitInfo git) {
        String base = ID_TIME.format(started) + "-" + git.shortSha();
        String id = base;
        for (int n = 2; Files.exists(root.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Writes every file of the run and updates {@code latest}; returns the run directory. */
    public static Path write(Path root, RunResult run, List<JsonNode> jmhRaw) throws IOException {
        Path dir = root.resolve(run.run().id());
        Files.createDirectories(dir);
        RunResultJson.write(run, dir.resolve("performance-report.json"));
        ReportInput input = ReportInput.of(run);
        AtomicFileWriter.write(dir.resolve("performance-report.md"), new MarkdownReportFormat().format(input));
        AtomicFileWriter.write(dir.resolve("results.csv"), new CsvReportFormat().format(input));
        RunResultJson.write(run.system(), dir.resolve("system-info.json"));
        ArrayNode raw = MAPPER.createArrayNode();
        jmhRaw.forEach(raw::add);
        AtomicFileWriter.write(dir.resolve("jmh-raw.json"), MAPPER.writeValueAsString(raw) + "\n");
        AtomicFileWriter.write(dir.resolve("report.html"), new HtmlReportFormat().format(input));
        pointLatest(root, run.run().id());
        return dir;
    }

    /** Points {@code root/latest} at {@code id}: a relative symbolic link, else a file with the id. */
    static void pointLatest(Path root, String id) throws IOException {
        Path latest = root.resolve("latest");
        if (Files.isSymbolicLink(latest) || Files.isRegularFile(latest, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(latest);
        }
        try {
            Files.createSymbolicLink(latest, Path.of(id));
        } catch (IOException | UnsupportedOperationException e) {
            AtomicFileWriter.write(latest, (id + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
