package dev.bitbench.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufValue;
import dev.bitbench.inference.gguf.GgufValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * GPT-2 byte-level BPE on a hand-made vocabulary: ids 0 and 1 are the control tokens BOS and EOS,
 * ids 2 to 257 the 256 byte characters in byte order, then the merged pieces below. Expected
 * token sequences are worked out by hand in the comments.
 */
class Gpt2TokenizerTest {
    private static final List<String> MERGES = List.of(
            "h e", // 0
            "l l", // 1
            "he ll", // 2
            "hell o", // 3
            "\u0120 w", // 4: Ġ is the space byte
            "o r", // 5
            "\u0120w or", // 6
            "l d", // 7: "ld" is not in the vocabulary, so it falls back to its bytes
            "e l"); // 8
    private static final List<String> MERGED = List.of("he", "ll", "hell", "hello", "\u0120w", "or", "\u0120wor", "el");

    private static int byteId(int b) {
        return 2 + b;
    }

    private static int merged(String piece) {
        return 258 + MERGED.indexOf(piece);
    }

    static Map<String, GgufValue> metadata(String pre, List<String> merges) {
        List<GgufValue> tokens = new ArrayList<>();
        List<GgufValue> types = new ArrayList<>();
        tokens.add(GgufValue.string("<|begin_of_text|>"));
        tokens.add(GgufValue.string("<|end_of_text|>"));
        types.add(GgufValue.int32(3));
        types.add(GgufValue.int32(3));
        for (int b = 0; b < 256; b++) {
            tokens.add(GgufValue.string(String.valueOf(Gpt2BpeEncoder.byteChar(b))));
            types.add(GgufValue.int32(1));
        }
        for (String m : MERGED) {
            tokens.add(GgufValue.string(m));
            types.add(GgufValue.int32(1));
        }
        Map<String, GgufValue> md = new LinkedHashMap<>();
        md.put(BitnetNames.KEY_TOKENIZER_MODEL, GgufValue.string("gpt2"));
        if (pre != null) {
            md.put(BitnetNames.KEY_PRE, GgufValue.string(pre));
        }
        md.put(BitnetNames.KEY_TOKENS, GgufValue.array(GgufValueType.STRING, tokens));
        md.put(BitnetNames.KEY_TOKEN_TYPE, GgufValue.array(GgufValueType.INT32, types));
        md.put(
                BitnetNames.KEY_MERGES,
                GgufValue.array(
                        GgufValueType.STRING,
                        merges.stream().map(GgufValue::string).toList()));
        md.put(BitnetNames.KEY_BOS_ID, GgufValue.uint32(0));
        md.put(BitnetNames.KEY_EOS_ID, GgufValue.uint32(1));
        return md;
    }

    private static Tokenizer tokenizer(String pre) throws GgufFormatException {
        return Tokenizer.from(metadata(pre, MERGES));
    }

    @Test
    void mergesByRankAndFallsBackToBytesForAnUnknownPiece() throws GgufFormatException {
        // "hello": h e l l o -> (h e, rank 0) he l l o -> (l l, 1) he ll o -> (he ll, 2) hell o -> hello
        // " world": Ġ w o r l d -> (Ġ w, 4) -> (o r, 5) -> (Ġw or, 6) Ġwor l d -> (l d, 7) Ġwor ld;
        // "ld" is no token, so it is spelled l, d
        assertThat(tokenizer("llama-bpe").encode("hello world"))
                .containsExactly(0, merged("hello"), merged("\u0120wor"), byteId('l'), byteId('d'));
    }

    @Test
    void theLowestRankMergesFirstWhereverItIs() throws GgufFormatException {
        // "ell": (e l) has rank 8, (l l) rank 1, so l l merges first: e ll (not el l)
        assertThat(tokenizer("llama-bpe").encode("ell")).containsExactly(0, byteId('e'), merged("ll"));
        // without the "l l" merge, e l merges: el l
        List<String> withoutLl = new ArrayList<>(MERGES);
        withoutLl.remove("l l");
        assertThat(Tokenizer.from(metadata("llama-bpe", withoutLl)).encode("ell"))
                .containsExactly(0, merged("el"), byteId('l'));
    }

    @Test
    void llamaBpeSplitsDigitsInThreesAndKeepsContractionsApart() {
        Gpt2BpeEncoder llama3 = new Gpt2BpeEncoder(List.of(), List.of(), "llama-bpe");
        assertThat(llama3.split("I'm 12345 ok!!\n\n")).containsExactly("I", "'m", " ", "123", "45", " ok", "!!\n\n");
        assertThat(llama3.split("x  y")).containsExactly("x", " ", " y");
        assertThat(llama3.split("(a)")).containsExactly("(a", ")");
        Gpt2BpeEncoder gpt2 = new Gpt2BpeEncoder(List.of(), List.of(), null);
        assertThat(gpt2.split("I'm 12345 ok!!")).containsExactly("I", "'m", " 12345", " ok", "!!");
    }

    @Test
    void bytesThatAreNotUtf8OnTheirOwnComeBackWholeWhenDecodedTogether() throws GgufFormatException {
        Tokenizer t = tokenizer("llama-bpe");
        // é is C3 A9; 😀 is F0 9F 98 80: each byte is its own token here
        int[] ids = t.encode("é😀");
        assertThat(ids)
                .containsExactly(0, byteId(0xC3), byteId(0xA9), byteId(0xF0), byteId(0x9F), byteId(0x98), byteId(0x80));
        assertThat(t.decode(ids, 1, 1)).isEqualTo("\uFFFD");
        assertThat(t.decode(ids, 0, 3)).isEqualTo("é");
        assertThat(t.decode(ids, 0, ids.length)).isEqualTo("é😀");
        assertThat(t.decode(new int[] {merged("\u0120wor"), byteId('l'), byteId('d'), 1}, 0, 4))
                .isEqualTo(" world");
    }

    @Test
    void randomTextRoundTrips() throws GgufFormatException {
        Tokenizer t = tokenizer("llama-bpe");
        Tokenizer g = tokenizer("gpt2");
        SplittableRandom random = new SplittableRandom(8);
        String alphabet = "hello world HELLO 0123456789 'm 're \n\r\t!?,.-éü中文😀\u00a0\u3000";
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(0, 30);
            for (int j = 0; j < n; j++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String s = text.toString();
            int[] ids = t.encode(s);
            assertThat(t.decode(ids, 0, ids.length)).as("llama-bpe: %s", s).isEqualTo(s);
            int[] gids = g.encode(s);
            assertThat(g.decode(gids, 0, gids.length)).as("gpt2: %s", s).isEqualTo(s);
            // every token stands for at least one byte, so there are at most as many as bytes (+ BOS)
            assertThat(ids.length).isLessThanOrEqualTo(1 + s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void rejectsMissingMergesAndUnknownPreTokenizers() {
        Map<String, GgufValue> noMerges = metadata("llama-bpe", MERGES);
        noMerges.remove(BitnetNames.KEY_MERGES);
        assertThatThrownBy(() -> Tokenizer.from(noMerges))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("tokenizer.ggml.merges");
        assertThatThrownBy(() -> Tokenizer.from(metadata("qwen2", MERGES)))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("'qwen2'");
        assertThatThrownBy(() -> Tokenizer.from(metadata("gpt2", List.of("nospace"))))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("no space");
    }
}
