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
        assertThat(tokenizer.encodeBytes("Hi é")).containsExactly(1, 3 + 'H', 3 + 'i', 3 + ' ', 3 + 0xC3, 3 + 0xA9);
    }

    @Test
    void sentencePieceMergesWordPiecesAndFallsBackToBytes() {
        int word = FixtureVocabulary.FIRST_WORD + 1; // ▁a; ▁ itself is FIRST_WORD
        // "a hi" -> "▁a▁hi": ▁a (score -1) merges first, then ▁h (word 7), then ▁hi (word 26 + 7*26 + 8)
        assertThat(tokenizer.encode("a hi")).containsExactly(1, word, word + 26 + 7 * 26 + 8);
        // "Hi" -> "▁Hi": no piece has a capital, so H and i fall back to their bytes
        assertThat(tokenizer.encode("Hi")).containsExactly(1, FixtureVocabulary.FIRST_WORD, 3 + 'H', 3 + 'i');
        // "zz": no piece of the tiny vocabulary (its two-letter words stop at "ir")
        assertThat(tokenizer.encode("zz")).containsExactly(1, word + 25, 3 + 'z');
    }

    @Test
    void roundTripsTextIncludingCharactersSplitOverTokens() {
        for (String text : new String[] {"naïve 𝄞 ✓\n", "a hi there", " leading", "Hi"}) {
            int[] ids = tokenizer.encode(text);
            assertThat(tokenizer.decode(ids, 0, ids.length)).isEqualTo(text);
            int[] bytes = tokenizer.encodeBytes(text);
            assertThat(tokenizer.decode(bytes, 0, bytes.length))
                    .isEqualTo(text.startsWith(" ") ? text.substring(1) : text);
        }
    }

    @Test
    void decodesWordPiecesWithSpacesAndDropsControlTokens() {
        int a = FixtureVocabulary.FIRST_WORD + 1;
        int[] ids = {FixtureVocabulary.BOS, a, a + 27, FixtureVocabulary.EOS};
        // decoded from BOS: the space prefix that encoding adds is dropped, as llama.cpp does
        assertThat(tokenizer.decode(ids, 0, ids.length)).isEqualTo("a ab");
        assertThat(tokenizer.decode(ids, 1, 3)).isEqualTo(" a ab");
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
