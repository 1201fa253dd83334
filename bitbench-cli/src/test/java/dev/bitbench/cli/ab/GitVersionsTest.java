package dev.bitbench.cli.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.cli.ErrorHandlerAccess;
import dev.bitbench.cli.UsageError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Versions named as jars, checkouts and git refs, against a real git repository made in a temporary
 * directory: its {@code mvnw} is a script that writes a stand-in jar (tag {@code good}) or fails
 * (tag {@code broken}), so that worktree handling runs for real without building BitBench.
 */
class GitVersionsTest {

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    private String good;

    private static final String BUILDS =
            "#!/bin/sh\nmkdir -p bitbench-cli/target\necho jar > bitbench-cli/target/bitbench.jar\n";
    private static final String FAILS = "#!/bin/sh\necho 'BUILD FAILURE: cannot find symbol'\nexit 1\n";

    private String git(String... args) throws Exception {
        String[] command = new String[args.length + 5];
        command[0] = "git";
        command[1] = "-c";
        command[2] = "user.name=BitBench Test";
        command[3] = "-c";
        command[4] = "user.email=test@bitbench.dev";
        System.arraycopy(args, 0, command, 5, args.length);
        Process p = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    private void commit(String mvnw, String tag) throws Exception {
        Path script = repo.resolve("mvnw");
        Files.writeString(script, mvnw);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        git("add", "mvnw");
        git("commit", "-q", "-m", tag);
        git("tag", tag);
    }

    @BeforeEach
    void repository() throws Exception {
        git("init", "-q");
        commit(BUILDS, "good");
        good = git("rev-parse", "good");
        commit(FAILS, "broken");
    }

    @Test
    void anExistingFileIsAJarAndACheckoutIsItsBuiltJar() throws Exception {
        Path jar = Files.writeString(repo.resolve("old.jar"), "x");
        Path checkout = elsewhere.resolve("co");
        Files.createDirectories(checkout.resolve(VersionSource.BUILT_JAR).getParent());
        Files.writeString(checkout.resolve(VersionSource.BUILT_JAR), "x");

        assertThat(VersionSource.resolve("--baseline", "old.jar", repo))
                .isEqualTo(new VersionSource.Jar(jar.toAbsolutePath()));
        assertThat(VersionSource.resolve("--baseline", checkout.toString(), repo))
                .isEqualTo(new VersionSource.Jar(checkout.resolve(VersionSource.BUILT_JAR)));
        assertThatThrownBy(() -> VersionSource.resolve("--baseline", elsewhere.toString(), repo))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("a directory without");
    }

    @Test
    void anythingElseIsAGitRefResolvedToItsCommit() throws Exception {
        VersionSource source = VersionSource.resolve("--candidate", "HEAD~1", repo);

        assertThat(source).isEqualTo(new VersionSource.GitRef("HEAD~1", good));
        assertThat(((VersionSource.GitRef) source).shortCommit()).isEqualTo(good.substring(0, 10));
    }

    @Test
    void anUnknownRefOrNoRepositoryIsAUsageErrorNamingTheValue() {
        assertThatThrownBy(() -> VersionSource.resolve("--baseline", "no-such-branch", repo))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("--baseline no-such-branch: no such file or git ref");
        assertThatThrownBy(() -> VersionSource.resolve("--baseline", "--output=x", repo))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("no such file or git ref");
        assertThatThrownBy(() -> VersionSource.resolve("--baseline", "main", elsewhere))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("not in a git repository");
    }

    @Test
    void buildsARefInATemporaryWorktreeAndRemovesItOnClose() throws Exception {
        StringWriter progress = new StringWriter();
        VersionSource.GitRef ref = new VersionSource.GitRef("good", good);
        Path worktree;
        try (WorktreeBuild build = new WorktreeBuild(repo, "A", ref, new PrintWriter(progress))) {
            Path jar = build.build();
            worktree = build.worktree();
            assertThat(jar).isRegularFile().startsWith(repo.toRealPath().resolve(WorktreeBuild.ROOT));
            assertThat(git("worktree", "list")).contains(worktree.getFileName().toString());
        }
        assertThat(worktree).doesNotExist();
        assertThat(git("worktree", "list"))
                .doesNotContain(worktree.getFileName().toString());
        assertThat(progress.toString()).contains("Building good (" + good.substring(0, 10) + ")");
    }

    @Test
    void aFailedBuildNamesItsLogAndStillRemovesTheWorktree() throws Exception {
        VersionSource.GitRef ref = new VersionSource.GitRef("broken", git("rev-parse", "broken"));
        WorktreeBuild build = new WorktreeBuild(repo, "B", ref, new PrintWriter(new StringWriter()));
        try (build) {
            assertThatThrownBy(build::build)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("building broken")
                    .hasMessageContaining(build.log().toString());
        }
        assertThat(Files.readString(build.log())).contains("BUILD FAILURE: cannot find symbol");
        assertThat(build.worktree()).doesNotExist();
    }

    @Test
    void abExitsTwoForAnUnknownRefAndOneForABuildThatFails() throws Exception {
        Outcome unknown = ab("--baseline", "nope", "--candidate", "good");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--baseline nope: no such file or git ref");

        Outcome broken = ab("--baseline", "good", "--candidate", "broken");
        assertThat(broken.exit()).as(broken.err()).isEqualTo(1);
        assertThat(broken.err()).contains("building broken").contains(".log");
        // both worktrees (the good one was built first) are gone
        assertThat(git("worktree", "list").lines()).hasSize(1);
    }

    private record Outcome(int exit, String err) {}

    private Outcome ab(String... args) {
        AbCommand command = new AbCommand();
        command.executor = new FakeTrialExecutor(0.0);
        command.workingDirectory = repo;
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setExecutionExceptionHandler(ErrorHandlerAccess.handler());
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        return new Outcome(cmd.execute(args), err.toString());
    }
}
