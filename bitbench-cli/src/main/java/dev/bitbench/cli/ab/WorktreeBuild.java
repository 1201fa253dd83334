package dev.bitbench.cli.ab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the {@code bitbench.jar} of one commit in a temporary {@code git worktree} under {@code
 * .bitbench/ab-worktrees/} of the repository, with {@code ./mvnw -q -B package -DskipTests -pl
 * bitbench-cli -am} (offline first, then online if offline resolution failed). {@link #close()}
 * removes the worktree, whether the build and the experiment succeeded or not. The build log stays
 * next to the worktrees, {@code <label>-<commit>.log}, for when the build fails.
 */
final class WorktreeBuild implements AutoCloseable {

    /** Where the worktrees go, relative to the repository's top directory. */
    static final Path ROOT = Path.of(".bitbench", "ab-worktrees");

    private final Git git;
    private final Path worktree;
    private final Path log;
    private final PrintWriter progress;
    private final VersionSource.GitRef ref;
    private boolean added;

    /**
     * @param repository a directory in the repository
     * @param label {@code A} or {@code B}, part of the worktree's name
     * @param ref the commit to build
     */
    WorktreeBuild(Path repository, String label, VersionSource.GitRef ref, PrintWriter progress) throws IOException {
        Git top = new Git(repository);
        Path root = top.topLevel().resolve(ROOT);
        String name = label.toLowerCase(Locale.ROOT) + "-" + ref.shortCommit();
        this.git = new Git(top.topLevel());
        this.worktree = root.resolve(name);
        this.log = root.resolve(name + ".log");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.ref = ref;
    }

    /**
     * Adds the worktree and builds the jar.
     *
     * @return the built {@code bitbench.jar}
     * @throws IOException naming the log file if the worktree cannot be added or the build fails
     */
    Path build() throws IOException, InterruptedException {
        Files.createDirectories(worktree.getParent());
        if (Files.exists(worktree)) {
            git.run("worktree", "remove", "--force", worktree.toString());
        }
        Git.Result add = git.run("worktree", "add", "--detach", worktree.toString(), ref.commit());
        if (!add.ok()) {
            throw new IOException("git worktree add for " + ref.ref() + " failed: "
                    + add.output().strip());
        }
        added = true;
        progress.println("Building " + ref.ref() + " (" + ref.shortCommit() + ") in " + worktree + " ...");
        progress.flush();
        int exit = maven(true);
        if (exit != 0 && offlineResolutionFailed()) {
            exit = maven(false);
        }
        Path jar = worktree.resolve(VersionSource.BUILT_JAR);
        if (exit != 0 || !Files.isRegularFile(jar)) {
            throw new IOException(
                    "building " + ref.ref() + " (" + ref.shortCommit() + ") failed (exit " + exit + "); see " + log);
        }
        return jar;
    }

    private int maven(boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                worktree.resolve("mvnw").toString(),
                "-q",
                "-B",
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-pl",
                "bitbench-cli",
                "-am"));
        if (offline) {
            command.add("-o");
        }
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(command)
                .directory(worktree.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw e;
        }
    }

    private boolean offlineResolutionFailed() throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.contains("offline mode") || text.contains("Cannot access");
    }

    /** The build log. */
    Path log() {
        return log;
    }

    /** The worktree directory. */
    Path worktree() {
        return worktree;
    }

    /** Removes the worktree and git's record of it ({@code git worktree remove}); the log stays. */
    @Override
    public void close() throws IOException {
        if (!added) {
            return;
        }
        Git.Result r = git.run("worktree", "remove", "--force", worktree.toString());
        if (!r.ok()) {
            progress.println("bitbench: could not remove worktree " + worktree + ": "
                    + r.output().strip());
            progress.flush();
        }
        added = false;
    }
}
