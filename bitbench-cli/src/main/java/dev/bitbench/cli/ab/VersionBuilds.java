package dev.bitbench.cli.ab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The jars of an experiment's versions: a {@link VersionSource.Jar} as given, a {@link
 * VersionSource.GitRef} built in a {@link WorktreeBuild}. Closing removes every worktree made, also
 * after a failed build or experiment.
 */
final class VersionBuilds implements AutoCloseable {

    private final Path repository;
    private final PrintWriter progress;
    private final List<WorktreeBuild> worktrees = new ArrayList<>();

    VersionBuilds(Path repository, PrintWriter progress) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * The jar of {@code source}, building it first when it is a git ref.
     *
     * @param label {@code A} or {@code B}
     * @throws IOException naming the build log if the build fails
     */
    Path jar(String label, VersionSource source) throws IOException, InterruptedException {
        if (source instanceof VersionSource.Jar jar) {
            return jar.path();
        }
        WorktreeBuild build = new WorktreeBuild(repository, label, (VersionSource.GitRef) source, progress);
        worktrees.add(build);
        return build.build();
    }

    @Override
    public void close() throws IOException {
        for (WorktreeBuild w : worktrees) {
            w.close();
        }
    }
}
