package dev.bitbench.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.inference.fixtures.FixtureGenerator;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.FixtureVocabulary;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufValue;
import dev.bitbench.inference.gguf.GgufValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private final Tokenizer tokenizer = fixtureTokenizer();

    private static Tokenizer fixtureTokenizer() {
        try {
            return Tokenizer.from(FixtureGenerator.metadata(FixtureShape.TINY));
        } catch (GgufFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void encodesBosAndOneByteTokenPerUtf8Byte() {
        assertThat(tokenizer.encode("Hi é")).containsExactly(1, 3 + 'H', 3 + 'i', 3 + ' ', 3 + 0xC3, 3 + 0xA9);
    }

    @Test
    void roundTripsTextIncludingCharactersSplitOverTokens() {
        String text = "naïve 𝄞 ✓\n";
        int[] ids = tokenizer.encode(text);
        assertThat(tokenizer.decode(ids, 0, ids.length)).isEqualTo(text);
    }

    @Test
    void decodesWordPiecesWithSpacesAndDropsControlTokens() {
        int a = FixtureVocabulary.FIRST_WORD;
        int[] ids = {FixtureVocabulary.BOS, a, a + 27, FixtureVocabulary.EOS};
        assertThat(tokenizer.decode(ids, 0, ids.length)).isEqualTo(" a ab");
    }

    @Test
    void aLoneByteOfAMultiByteCharacterBecomesTheReplacementCharacter() {
        int[] ids = {3 + 0xE2, 3 + 'x'};
        assertThat(tokenizer.decode(ids, 0, 2)).isEqualTo("\uFFFDx");
    }

    @Test
    void vocabularyWithoutByteTokensIsRejected() {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("tokenizer.ggml.tokens", GgufValue.array(GgufValueType.STRING, List.of(GgufValue.string("a"))));
        assertThatThrownBy(() -> Tokenizer.from(m))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("<0x00>");
    }
}
