package dev.bitbench.cli.ab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One side of an A/B experiment: which BitBench build runs on which {@code java}, with which extra JVM
 * options and environment (the slowdown hook of {@code calibrate --inject}).
 *
 * @param label how reports name it, e.g. {@code A}
 * @param java the {@code java} executable (launcher and benchmark forks)
 * @param program the arguments that start BitBench after the JVM options: {@code -jar bitbench.jar}, or
 *     {@code -cp CLASSPATH dev.bitbench.cli.BitBench}
 * @param jvmOptions extra options before {@code program}, e.g. {@code -Dbitbench.inject.slowdown=...}
 * @param environment extra environment variables of the trial process (inherited by its forks)
 */
public record Version(
        String label, String java, List<String> program, List<String> jvmOptions, Map<String, String> environment) {

    /** The main class of BitBench, for classpath launches. */
    public static final String MAIN_CLASS = "dev.bitbench.cli.BitBench";

    public Version {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(java, "java");
        program = List.copyOf(program);
        if (program.isEmpty()) {
            throw new IllegalArgumentException(label + ": no program to run");
        }
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** A {@code bitbench.jar} on the given java, nothing injected. */
    public static Version ofJar(String label, Path jar, String java) {
        return new Version(label, java, List.of("-jar", jar.toString()), List.of(), Map.of());
    }

    /** BitBench from a classpath (a build tree, or tests), on the given java. */
    public static Version ofClasspath(String label, String classpath, String java) {
        return new Version(label, java, List.of("-cp", classpath, MAIN_CLASS), List.of(), Map.of());
    }

    /** This version with more JVM options and environment variables. */
    public Version with(String newLabel, List<String> moreOptions, Map<String, String> moreEnvironment) {
        List<String> options = new java.util.ArrayList<>(jvmOptions);
        options.addAll(moreOptions);
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putAll(moreEnvironment);
        return new Version(newLabel, java, program, options, env);
    }

    /** The environment, {@code program} on {@code java} and the options, for reports; a long classpath is shortened. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        environment.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e ->
                        s.append(e.getKey()).append('=').append(e.getValue()).append(' '));
        for (String p : program) {
            s.append(p.length() > 120 ? p.substring(0, 60) + "..." : p).append(' ');
        }
        s.append("on ").append(java);
        jvmOptions.forEach(o -> s.append(' ').append(o));
        return s.toString();
    }
}
