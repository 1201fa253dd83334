package dev.bitbench.inference.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE as GPT-2 defines it and llama.cpp applies it to {@code tokenizer.ggml.model =
 * gpt2} vocabularies (the BitNet b1.58 2B4T model's LLaMA 3 vocabulary among them).
 *
 * <ol>
 *   <li>Pre-tokenization: the text is split into words by a regular expression chosen by {@code
 *       tokenizer.ggml.pre}: {@code llama-bpe} (LLaMA 3: contractions, letters with one optional
 *       leading non-letter, digits in groups of at most three, punctuation runs, line breaks,
 *       spaces) or, for {@code gpt2} and when the key is missing, GPT-2's original expression.
 *   <li>Each word's UTF-8 bytes become characters through GPT-2's byte map: the printable bytes
 *       {@code !..~}, {@code ¡..¬} and {@code ®..ÿ} stand for themselves, the other 68 bytes for
 *       U+0100 upwards in byte order (so a space is {@code Ġ}, a line feed {@code Ċ}).
 *   <li>Merges: while some adjacent pair of symbols is listed in {@code tokenizer.ggml.merges}, the
 *       pair of lowest rank (line number; the leftmost of equal ones) is joined.
 *   <li>Each symbol is looked up in the vocabulary; a symbol that is not a token falls back to one
 *       token per byte (the token of that byte's character).
 * </ol>
 *
 * <p>Decoding maps each character of a token back through the byte map, so bytes that are not
 * valid UTF-8 on their own survive until the caller decodes the whole sequence.
 */
final class Gpt2BpeEncoder {
    /** LLaMA 3's split expression as llama.cpp adapted it (case-insensitive contractions spelled out). */
    static final String LLAMA3_SPLIT = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])"
            + "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** GPT-2's split expression. */
    static final String GPT2_SPLIT =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final Map<Character, Integer> CHAR_TO_BYTE = new HashMap<>();

    static {
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CHAR[b] = (char) (printable ? b : next++);
            CHAR_TO_BYTE.put(BYTE_TO_CHAR[b], b);
        }
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> ranks = new HashMap<>();
    private final Pattern split;

    /**
     * @param pieces the vocabulary, by id
     * @param merges {@code "left right"} pairs, highest priority first
     * @param pre {@code tokenizer.ggml.pre}, or null
     * @throws IllegalArgumentException for a pre-tokenizer other than {@code llama-bpe}, {@code
     *     gpt2} or {@code default}, or a merge without a space
     */
    Gpt2BpeEncoder(List<String> pieces, List<String> merges, String pre) {
        for (int id = 0; id < pieces.size(); id++) {
            ids.putIfAbsent(pieces.get(id), id);
        }
        for (int rank = 0; rank < merges.size(); rank++) {
            String m = merges.get(rank);
            int space = m.indexOf(' ', 1);
            if (space < 0) {
                throw new IllegalArgumentException("merge " + rank + " '" + m + "' has no space between its two parts");
            }
            ranks.putIfAbsent(m, rank);
        }
        String expression = switch (pre == null ? "gpt2" : pre) {
            case "llama-bpe", "llama3" -> LLAMA3_SPLIT;
            case "gpt2", "default" -> GPT2_SPLIT;
            default ->
                throw new IllegalArgumentException("pre-tokenizer '" + pre
                        + "' is not supported (tokenizer.ggml.pre: llama-bpe, gpt2 or default)");
        };
        split = Pattern.compile(expression, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** The character byte {@code b} is written as in the vocabulary. */
    static char byteChar(int b) {
        return BYTE_TO_CHAR[b & 0xff];
    }

    /** The token of byte {@code b} alone, or -1 if the vocabulary lacks it. */
    int byteToken(int b) {
        return ids.getOrDefault(String.valueOf(byteChar(b)), -1);
    }

    /** Appends the tokens of {@code text} (no BOS) to {@code out}. */
    void encode(String text, List<Integer> out) {
        for (String word : split(text)) {
            encodeWord(word.getBytes(StandardCharsets.UTF_8), out);
        }
    }

    /** The pre-tokenizer's words of {@code text}, in order. */
    List<String> split(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = split.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                words.add(m.group());
            }
        }
        return words;
    }

    private void encodeWord(byte[] bytes, List<Integer> out) {
        List<String> symbols = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            symbols.add(String.valueOf(byteChar(b)));
        }
        while (symbols.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
        }
        for (String s : symbols) {
            Integer id = ids.get(s);
            if (id != null) {
                out.add(id);
            } else {
                for (int i = 0; i < s.length(); i++) {
                    int token = ids.getOrDefault(String.valueOf(s.charAt(i)), -1);
                    if (token >= 0) {
                        out.add(token);
                    }
                }
            }
        }
    }

    /** Writes the bytes {@code piece} stands for: each character through the byte map, others as UTF-8. */
    static void decodePiece(String piece, ByteArrayOutputStream out) {
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            Integer b = CHAR_TO_BYTE.get(c);
            if (b != null) {
                out.write(b);
            } else {
                int cp = piece.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(cp) - 1;
            }
        }
    }
}
