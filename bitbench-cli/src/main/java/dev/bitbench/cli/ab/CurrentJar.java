package dev.bitbench.cli.ab;

import dev.bitbench.cli.BitBench;
import dev.bitbench.cli.UsageError;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code bitbench.jar} this process runs from, and the {@code java} running it. */
final class CurrentJar {

    private CurrentJar() {}

    /** This process's jar; a usage error when running from classes (then a jar must be named). */
    static Path locate(String option) {
        try {
            Path p = Path.of(BitBench.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                return p;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through
        }
        throw new UsageError("not running from a bitbench.jar: give " + option + " PATH/TO/bitbench.jar");
    }

    /** The {@code java} executable of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Checks that {@code jar} is a readable file. */
    static Path requireJar(String option, String value) {
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) {
            throw new UsageError(option + " " + value + ": not a file (expected a bitbench.jar)");
        }
        return p.toAbsolutePath();
    }
}
