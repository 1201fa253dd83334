package dev.bitbench.core.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds installed JDKs: every directory below {@code /usr/lib/jvm}, {@code
 * ~/.sdkman/candidates/java} (or {@code $SDKMAN_DIR/candidates/java}), and {@code $JAVA_HOME}
 * itself, that holds {@code bin/java}. Symbolic links to the same JDK are reported once (by their
 * real path). Version and vendor come from the JDK's {@code release} file.
 */
public final class JdkScanner {

    private final Path root;
    private final Map<String, String> env;

    /**
     * A scanner of the directories below {@code root} (normally {@code /}).
     *
     * @param root file system root that {@code /usr/lib/jvm} and absolute environment paths resolve in
     * @param env environment variables ({@code JAVA_HOME}, {@code HOME}, {@code SDKMAN_DIR})
     */
    public JdkScanner(Path root, Map<String, String> env) {
        this.root = root;
        this.env = Map.copyOf(env);
    }

    /** The JDKs found, in scan order, without duplicates; empty when none. */
    public List<JdkInstallation> scan() {
        Map<Path, JdkInstallation> found = new LinkedHashMap<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            consider(resolve(javaHome), found);
        }
        children(resolve("/usr/lib/jvm")).forEach(d -> consider(d, found));
        String sdkman = env.get("SDKMAN_DIR");
        if (sdkman == null || sdkman.isBlank()) {
            String home = env.get("HOME");
            sdkman = home == null || home.isBlank() ? null : home + "/.sdkman";
        }
        if (sdkman != null) {
            children(resolve(sdkman).resolve("candidates/java")).forEach(d -> consider(d, found));
        }
        return List.copyOf(found.values());
    }

    /** The feature release of a version string: 17 for {@code 17.0.15}, 8 for {@code 1.8.0}; 0 when unparsable. */
    static int feature(String version) {
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Path resolve(String absolute) {
        String relative = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return root.resolve(relative);
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void consider(Path dir, Map<Path, JdkInstallation> found) {
        if (!Files.isRegularFile(dir.resolve("bin/java"))) {
            return;
        }
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            key = dir.toAbsolutePath().normalize();
        }
        if (found.containsKey(key)) {
            return;
        }
        Map<String, String> release = readRelease(dir.resolve("release"));
        found.put(
                key,
                new JdkInstallation(
                        dir,
                        release.getOrDefault("JAVA_VERSION", "unknown"),
                        release.getOrDefault("IMPLEMENTOR", "unknown")));
    }

    private static Map<String, String> readRelease(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return values;
        }
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).trim(), value);
            }
        }
        return values;
    }
}
