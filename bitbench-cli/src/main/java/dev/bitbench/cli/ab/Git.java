package dev.bitbench.cli.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The few {@code git} commands {@code ab} needs, run as processes in one directory. */
final class Git {

    /** What a git command printed and how it ended. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final Path directory;

    Git(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Whether {@code directory} is inside a work tree (false too when git is not installed). */
    boolean isRepository() throws IOException {
        Result r = run("rev-parse", "--is-inside-work-tree");
        return r.ok() && r.output().strip().equals("true");
    }

    /** The work tree's top directory. */
    Path topLevel() throws IOException {
        Result r = run("rev-parse", "--show-toplevel");
        if (!r.ok()) {
            throw new IOException("git rev-parse --show-toplevel failed in " + directory + ": "
                    + r.output().strip());
        }
        return Path.of(r.output().strip());
    }

    /** The full commit id {@code ref} names, or {@code null} when it names none. */
    String resolveCommit(String ref) throws IOException {
        if (ref.startsWith("-")) {
            return null; // never an option to git
        }
        Result r = run("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
        return r.ok() ? r.output().strip() : null;
    }

    /** Runs {@code git <args>} in the directory; output and errors together. */
    Result run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return new Result(127, "git not found: " + e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        try {
            return new Result(p.waitFor(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git " + String.join(" ", args), e);
        }
    }
}
