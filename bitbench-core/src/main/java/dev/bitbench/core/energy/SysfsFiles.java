package dev.bitbench.core.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small reads of sysfs files: one trimmed line, a number, the sorted children of a directory. */
final class SysfsFiles {

    private SysfsFiles() {}

    /** The trimmed text of the file, or {@code null} when it cannot be read. */
    static String text(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The file as a long, or {@code null} when unreadable or not a number. */
    static Long number(Path file) {
        String t = text(file);
        try {
            return t == null ? null : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Children of {@code dir} whose names start with {@code prefix}, sorted; empty when unreadable. */
    static List<Path> children(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
