package dev.bitbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkGlobTest {
    @Test
    void starMatchesAnyRunIncludingSlashesAndQuestionMarkOneCharacter() {
        BenchmarkGlob glob = BenchmarkGlob.of("kernels.matmul/*/f32/*");

        assertThat(glob.matches("kernels.matmul/simd/f32/1024x1024")).isTrue();
        assertThat(glob.matches("kernels.matmul/simd/f16/1024x1024")).isFalse();
        assertThat(BenchmarkGlob.of("a?c").matches("abc")).isTrue();
        assertThat(BenchmarkGlob.of("a?c").matches("abbc")).isFalse();
        assertThat(BenchmarkGlob.of("*").matches("x/y.z")).isTrue();
    }

    @Test
    void regexCharactersAreLiteralAndMatchingIsWhole() {
        assertThat(BenchmarkGlob.of("a.b").matches("axb")).isFalse();
        assertThat(BenchmarkGlob.of("a.b").matches("a.b")).isTrue();
        assertThat(BenchmarkGlob.of("(x)+").matches("(x)+")).isTrue();
        assertThat(BenchmarkGlob.of("matmul").matches("kernels.matmul")).isFalse();
        assertThatThrownBy(() -> BenchmarkGlob.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
