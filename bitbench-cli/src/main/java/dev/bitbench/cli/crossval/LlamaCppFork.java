package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.suite.peers.LlamaCppEngine;
import dev.bitbench.suite.peers.LlamaCppProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LlamaCppProbe} in a forked JVM on this JVM's class path (the shaded jar, or the
 * module class path in tests) and reads its response. The fork extracts java-llama.cpp's native
 * library under {@code nativeDir}; its stderr (llama.cpp's own log) goes to {@code log}.
 */
final class LlamaCppFork {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlamaCppFork() {}

    /**
     * Runs the request.
     *
     * @throws IOException if the fork cannot start, times out or writes no response
     */
    static LlamaCppProbe.Response run(LlamaCppProbe.Request request, Path workDir, Path nativeDir, Duration timeout)
            throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(nativeDir);
        Path in = workDir.resolve("llama-cpp-request.json");
        Path out = workDir.resolve("llama-cpp-response.json");
        Path log = workDir.resolve("llama-cpp.log");
        Files.deleteIfExists(out);
        JSON.writeValue(in.toFile(), request);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + LlamaCppEngine.TMPDIR_PROPERTY + "=" + nativeDir.toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LlamaCppProbe.class.getName());
        command.add(in.toAbsolutePath().toString());
        command.add(out.toAbsolutePath().toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("llama.cpp fork did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the llama.cpp fork", e);
        }
        if (!Files.isRegularFile(out)) {
            throw new IOException(
                    "llama.cpp fork exited with code " + process.exitValue() + " and no response; see " + log);
        }
        return JSON.readValue(out.toFile(), LlamaCppProbe.Response.class);
    }
}
