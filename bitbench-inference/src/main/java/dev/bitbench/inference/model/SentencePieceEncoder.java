package dev.bitbench.inference.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * SentencePiece-style encoding as llama.cpp does it for {@code tokenizer.ggml.model = llama}
 * vocabularies: spaces become {@code ▁} (with one in front when the vocabulary asks for a space
 * prefix), the text is split into characters, and adjacent symbols are merged while their
 * concatenation is a token, highest score first (leftmost on a tie); a final symbol that is no token
 * falls back to its UTF-8 byte tokens. Not thread-safe.
 */
final class SentencePieceEncoder {
    private final Map<String, Integer> ids;
    private final float[] scores;
    private final int[] byteTokens;

    SentencePieceEncoder(List<String> pieces, float[] scores, int[] byteTokens) {
        this.ids = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            ids.put(pieces.get(i), i);
        }
        this.scores = scores;
        this.byteTokens = byteTokens;
    }

    private record Bigram(int left, int right, float score, int size) {}

    /** Appends the tokens of {@code text} (already with {@code ▁} for spaces) to {@code out}. */
    void encode(String text, List<Integer> out) {
        // symbols: one code point each, linked left to right
        List<int[]> symbols = new ArrayList<>(); // {start, length, prev, next}
        for (int i = 0; i < text.length(); ) {
            int n = Character.charCount(text.codePointAt(i));
            int index = symbols.size();
            symbols.add(new int[] {i, n, index - 1, i + n < text.length() ? index + 1 : -1});
            i += n;
        }
        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) ->
                a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.left(), b.left()));
        for (int i = 1; i < symbols.size(); i++) {
            addBigram(text, symbols, i - 1, i, queue);
        }
        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            int[] left = symbols.get(b.left());
            int[] right = symbols.get(b.right());
            if (left[1] == 0 || right[1] == 0 || left[1] + right[1] != b.size()) {
                continue; // outdated by an earlier merge
            }
            left[1] += right[1];
            right[1] = 0;
            left[3] = right[3];
            if (right[3] >= 0) {
                symbols.get(right[3])[2] = b.left();
            }
            addBigram(text, symbols, left[2], b.left(), queue);
            addBigram(text, symbols, b.left(), left[3], queue);
        }
        for (int i = symbols.isEmpty() ? -1 : 0; i != -1; i = symbols.get(i)[3]) {
            int[] s = symbols.get(i);
            String piece = text.substring(s[0], s[0] + s[1]);
            Integer id = ids.get(piece);
            if (id != null) {
                out.add(id);
            } else {
                for (byte b : piece.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.add(byteTokens[b & 0xff]);
                }
            }
        }
    }

    private void addBigram(String text, List<int[]> symbols, int left, int right, PriorityQueue<Bigram> queue) {
        if (left == -1 || right == -1) {
            return;
        }
        int[] l = symbols.get(left);
        int size = l[1] + symbols.get(right)[1];
        Integer id = ids.get(text.substring(l[0], l[0] + size));
        if (id == null) {
            return;
        }
        queue.add(new Bigram(left, right, id < scores.length ? scores[id] : 0f, size));
    }
}
