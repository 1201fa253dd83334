package dev.bitbench.cli.crossval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserLlamaCppTest {
    @TempDir
    Path dir;

    private Tokenizer tinyTokenizer() throws IOException {
        Path gguf = dir.resolve(Fixtures.generate(dir, FixtureShape.TINY, GgmlType.TQ2_0, 42, b -> {})
                .file());
        return Tokenizer.from(BitnetModel.load(gguf).metadata());
    }

    @Test
    void countsTheJavaTokensTheReferenceTextReproducesFromTheStart() throws IOException {
        Tokenizer t = tinyTokenizer();
        int[] prompt = t.encode("ab");
        int[] java = t.encode(" c d e");
        int[] generated = java.length > 0 && java[0] == t.bos() ? java0(java) : java;
        String javaText = t.decode(concat(prompt, generated), 0, prompt.length + generated.length)
                .substring(t.decode(prompt, 0, prompt.length).length());

        assertThat(UserLlamaCpp.matchingTokens(t, prompt, generated, javaText)).isEqualTo(generated.length);
        assertThat(UserLlamaCpp.matchingTokens(t, prompt, generated, "")).isZero();
        String firstOnly = t.decode(concat(prompt, new int[] {generated[0]}), 0, prompt.length + 1)
                .substring(t.decode(prompt, 0, prompt.length).length());
        assertThat(UserLlamaCpp.matchingTokens(t, prompt, generated, firstOnly + "zzz"))
                .isEqualTo(1);
    }

    @Test
    void takesTheTextAfterTheEchoedPrompt() {
        assertThat(UserLlamaCpp.after("main: loaded\nOnce upon a time there was", "Once upon a time"))
                .isEqualTo(" there was");
        assertThat(UserLlamaCpp.after("no echo", "Once")).isEqualTo("no echo");
    }

    @Test
    void findsToolsInTheDirectoryOrItsBinFolders() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("build/bin"));
        Path tool = Files.writeString(bin.resolve("llama-bench"), "");
        assertThat(UserLlamaCpp.find(dir, "llama-bench")).isEmpty(); // not executable yet
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(UserLlamaCpp.find(dir, "llama-bench")).contains(tool);
        assertThat(UserLlamaCpp.find(dir, "llama-simple")).isEmpty();
    }

    private static int[] java0(int[] ids) {
        return java.util.Arrays.copyOfRange(ids, 1, ids.length);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
