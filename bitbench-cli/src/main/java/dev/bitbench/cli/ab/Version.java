package dev.bitbench.cli.ab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One side of an A/B experiment: which {@code bitbench.jar} runs on which {@code java}, with which
 * extra JVM options and environment (the slowdown hook of {@code calibrate --inject}).
 *
 * @param label how reports name it, e.g. the jar path or {@code A}
 * @param jar the {@code bitbench.jar} to run
 * @param java the {@code java} executable
 * @param jvmOptions extra options before {@code -jar}, e.g. {@code -Dbitbench.inject.slowdown=...}
 * @param environment extra environment variables of the trial process (inherited by its forks)
 */
public record Version(String label, Path jar, String java, List<String> jvmOptions, Map<String, String> environment) {

    public Version {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(java, "java");
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** A plain version: the jar on the given java, nothing injected. */
    public static Version of(String label, Path jar, String java) {
        return new Version(label, jar, java, List.of(), Map.of());
    }
}
