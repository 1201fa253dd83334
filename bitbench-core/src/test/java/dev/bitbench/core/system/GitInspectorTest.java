package dev.bitbench.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitbench.core.result.GitInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInspectorTest {

    @TempDir
    Path dir;

    @Test
    void directoryOutsideAnyRepositoryIsUnknown() {
        assumeTrue(!insideGitRepository(dir), "the temp directory is itself inside a git repository");

        assertThat(GitInspector.inspect(dir)).isEqualTo(GitInfo.UNKNOWN);
    }

    @Test
    void readsShaBranchAndDirtyOfARepository() throws Exception {
        assumeTrue(git(dir, "init", "-q"), "git is not installed");
        assertThat(git(dir, "checkout", "-q", "-b", "feature-x")).isTrue();
        Files.writeString(dir.resolve("a.txt"), "a\n");
        assertThat(git(dir, "add", "a.txt")).isTrue();
        assertThat(git(
                        dir,
                        "-c",
                        "user.name=t",
                        "-c",
                        "user.email=t@example.com",
                        "-c",
                        "commit.gpgsign=false",
                        "commit",
                        "-q",
                        "-m",
                        "first"))
                .isTrue();

        GitInfo clean = GitInspector.inspect(dir);

        String headRef =
                Files.readString(dir.resolve(".git/refs/heads/feature-x")).trim();
        assertThat(clean).isEqualTo(new GitInfo(headRef, "feature-x", false));

        Files.writeString(dir.resolve("a.txt"), "changed\n");
        assertThat(GitInspector.inspect(dir).dirty()).isTrue();
    }

    @Test
    void repositoryWithoutCommitsHasNoShaButAKnownDirtyState() throws Exception {
        assumeTrue(git(dir, "init", "-q"), "git is not installed");
        Files.writeString(dir.resolve("new.txt"), "x\n");

        GitInfo info = GitInspector.inspect(dir);

        assertThat(info.sha()).isNull();
        assertThat(info.dirty()).isTrue();
    }

    private static boolean insideGitRepository(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return false;
        }
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
