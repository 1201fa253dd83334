package dev.bitbench.cli.ab;

import dev.bitbench.cli.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@code --baseline} / {@code --candidate} value names: a {@code bitbench.jar}, a BitBench
 * checkout whose {@code bitbench-cli/target/bitbench.jar} is built, or a git ref of the repository
 * the command runs in (built later into a temporary worktree, {@link WorktreeBuild}). A value that is
 * an existing path is a path, whatever git says; anything else must resolve to a commit.
 */
public sealed interface VersionSource {

    /** Where a checkout keeps its shaded jar. */
    Path BUILT_JAR = Path.of("bitbench-cli", "target", "bitbench.jar");

    /** A jar to run as it is. */
    record Jar(Path path) implements VersionSource {
        public Jar {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A commit of the repository, to build.
     *
     * @param ref the ref as given, e.g. {@code main}, {@code HEAD~1}, {@code v0.1.0}
     * @param commit the full commit id it resolved to
     */
    record GitRef(String ref, String commit) implements VersionSource {
        public GitRef {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(commit, "commit");
        }

        /** The first 10 characters of the commit. */
        public String shortCommit() {
            return commit.substring(0, Math.min(10, commit.length()));
        }
    }

    /**
     * Resolves {@code value} of option {@code option}.
     *
     * @param repository the working directory whose git repository refs are looked up in
     * @throws UsageError naming the value if it is a directory without a built jar, or neither an
     *     existing path nor a ref of the repository
     */
    static VersionSource resolve(String option, String value, Path repository) throws IOException {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new UsageError(option + ": empty; expected a bitbench.jar or a git ref");
        }
        Path path = repository.resolve(value);
        if (Files.isRegularFile(path)) {
            return new Jar(path.toAbsolutePath().normalize());
        }
        if (Files.isDirectory(path)) {
            Path jar = path.resolve(BUILT_JAR);
            if (Files.isRegularFile(jar)) {
                return new Jar(jar.toAbsolutePath().normalize());
            }
            throw new UsageError(option + " " + value + ": a directory without " + BUILT_JAR
                    + " (build it with ./mvnw package -DskipTests, or give a jar or a git ref)");
        }
        Git git = new Git(repository);
        if (!git.isRepository()) {
            throw new UsageError(option + " " + value + ": no such file, and " + repository.toAbsolutePath()
                    + " is not in a git repository to look it up as a ref");
        }
        String commit = git.resolveCommit(value);
        if (commit == null) {
            throw new UsageError(option + " " + value + ": no such file or git ref in " + git.topLevel());
        }
        return new GitRef(value, commit);
    }
}
