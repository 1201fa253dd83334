package dev.bitbench.inference.model;

import static dev.bitbench.inference.model.BitnetNames.*;

import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tokenizer over a GGUF vocabulary that can spell every byte: SentencePiece byte-fallback
 * vocabularies with byte tokens {@code <0x00>} to {@code <0xFF>} (as the fixtures have), or GPT-2
 * byte-level BPE vocabularies whose single characters stand for bytes. A {@code llama}
 * (SentencePiece) vocabulary encodes as llama.cpp's SPM tokenizer does; a {@code gpt2} one with
 * its {@code tokenizer.ggml.merges} as llama.cpp's BPE tokenizer does (see {@link
 * Gpt2BpeEncoder}); any other is encoded as its UTF-8 bytes, one byte token each. BOS comes first
 * when {@code tokenizer.ggml.add_bos_token} is true (the default). Decoding turns tokens back into
 * bytes (byte tokens, {@code ▁} as a space, or GPT-2's byte map), drops control tokens, and
 * decodes the bytes as UTF-8 at the end, so a character split over several tokens comes back
 * whole.
 */
public final class Tokenizer {
    private static final int TYPE_CONTROL = 3;

    private final List<String> pieces;
    private final int[] byteTokens = new int[256];
    private final int[] tokenBytes;
    private final boolean[] control;
    private final int bos;
    private final int eos;
    private final boolean addBos;
    private final SentencePieceEncoder sentencePiece;
    private final Gpt2BpeEncoder bpe;
    private final boolean addSpacePrefix;

    private Tokenizer(
            List<String> pieces,
            int[] types,
            float[] scores,
            int bos,
            int eos,
            boolean addBos,
            boolean sentencePiece,
            Gpt2BpeEncoder bpe,
            boolean addSpacePrefix)
            throws GgufFormatException {
        this.pieces = pieces;
        this.bos = bos;
        this.eos = eos;
        this.addBos = addBos;
        this.bpe = bpe;
        tokenBytes = new int[pieces.size()];
        control = new boolean[pieces.size()];
        java.util.Arrays.fill(byteTokens, -1);
        for (int id = 0; id < pieces.size(); id++) {
            String p = pieces.get(id);
            tokenBytes[id] = -1;
            if (bpe == null && p.length() == 6 && p.startsWith("<0x") && p.endsWith(">")) {
                try {
                    int b = Integer.parseInt(p.substring(3, 5), 16);
                    tokenBytes[id] = b;
                    if (byteTokens[b] < 0) {
                        byteTokens[b] = id;
                    }
                } catch (NumberFormatException notAByte) {
                    // an ordinary piece that looks like one
                }
            }
            control[id] = types != null && id < types.length && types[id] == TYPE_CONTROL;
        }
        for (int b = 0; b < 256 && bpe != null; b++) {
            byteTokens[b] = bpe.byteToken(b);
            if (byteTokens[b] >= 0) {
                tokenBytes[byteTokens[b]] = b;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (byteTokens[b] < 0) {
                throw new GgufFormatException(
                        bpe != null
                                ? "the gpt2 vocabulary has no token for byte 0x" + String.format("%02X", b) + " ('"
                                        + Gpt2BpeEncoder.byteChar(b) + "')"
                                : "the vocabulary has no byte token <0x" + String.format("%02X", b)
                                        + ">; only byte-fallback vocabularies are supported");
            }
        }
        this.sentencePiece = sentencePiece ? new SentencePieceEncoder(pieces, scores, byteTokens) : null;
        this.addSpacePrefix = addSpacePrefix;
    }

    /** The tokenizer of a model's GGUF metadata. */
    public static Tokenizer from(Map<String, GgufValue> metadata) throws GgufFormatException {
        GgufValue tokens = metadata.get(KEY_TOKENS);
        if (tokens == null || tokens.type() != dev.bitbench.inference.gguf.GgufValueType.ARRAY) {
            throw new GgufFormatException("missing metadata key " + KEY_TOKENS);
        }
        List<String> pieces = new ArrayList<>();
        for (GgufValue v : tokens.asArray().elements()) {
            if (v.type() != dev.bitbench.inference.gguf.GgufValueType.STRING) {
                throw new GgufFormatException(KEY_TOKENS + " must be an array of strings");
            }
            pieces.add(v.asString());
        }
        int[] types = null;
        GgufValue t = metadata.get(KEY_TOKEN_TYPE);
        if (t != null && t.type() == dev.bitbench.inference.gguf.GgufValueType.ARRAY) {
            types = new int[t.asArray().size()];
            for (int i = 0; i < types.length; i++) {
                GgufValue e = t.asArray().get(i);
                types[i] = e.isInteger() ? (int) e.asLong() : 0;
            }
        }
        int bos = id(metadata, KEY_BOS_ID, pieces.size());
        int eos = id(metadata, KEY_EOS_ID, pieces.size());
        GgufValue add = metadata.get(KEY_ADD_BOS);
        boolean addBos =
                add == null || add.type() != dev.bitbench.inference.gguf.GgufValueType.BOOL || (Boolean) add.value();
        float[] scores = new float[pieces.size()];
        GgufValue sc = metadata.get(KEY_SCORES);
        if (sc != null && sc.type() == dev.bitbench.inference.gguf.GgufValueType.ARRAY) {
            for (int i = 0; i < Math.min(scores.length, sc.asArray().size()); i++) {
                GgufValue e = sc.asArray().get(i);
                scores[i] = e.type() == dev.bitbench.inference.gguf.GgufValueType.FLOAT32 ? (Float) e.value() : 0f;
            }
        }
        GgufValue model = metadata.get(KEY_TOKENIZER_MODEL);
        boolean spm = model != null
                && model.type() == dev.bitbench.inference.gguf.GgufValueType.STRING
                && model.asString().equals("llama");
        Gpt2BpeEncoder bpe = null;
        if (model != null
                && model.type() == dev.bitbench.inference.gguf.GgufValueType.STRING
                && model.asString().equals("gpt2")) {
            bpe = bpe(metadata, pieces);
        }
        GgufValue prefix = metadata.get("tokenizer.ggml.add_space_prefix");
        boolean addSpacePrefix = prefix == null
                || prefix.type() != dev.bitbench.inference.gguf.GgufValueType.BOOL
                || (Boolean) prefix.value();
        return new Tokenizer(pieces, types, scores, bos, eos, addBos && bos >= 0, spm, bpe, addSpacePrefix);
    }

    private static Gpt2BpeEncoder bpe(Map<String, GgufValue> metadata, List<String> pieces) throws GgufFormatException {
        GgufValue merges = metadata.get(KEY_MERGES);
        if (merges == null || merges.type() != dev.bitbench.inference.gguf.GgufValueType.ARRAY) {
            throw new GgufFormatException("a gpt2 tokenizer needs the metadata key " + KEY_MERGES);
        }
        List<String> pairs = new ArrayList<>();
        for (GgufValue v : merges.asArray().elements()) {
            if (v.type() != dev.bitbench.inference.gguf.GgufValueType.STRING) {
                throw new GgufFormatException(KEY_MERGES + " must be an array of strings");
            }
            pairs.add(v.asString());
        }
        GgufValue pre = metadata.get(KEY_PRE);
        String preName =
                pre != null && pre.type() == dev.bitbench.inference.gguf.GgufValueType.STRING ? pre.asString() : null;
        try {
            return new Gpt2BpeEncoder(pieces, pairs, preName);
        } catch (IllegalArgumentException e) {
            throw new GgufFormatException(e.getMessage());
        }
    }

    private static int id(Map<String, GgufValue> metadata, String key, int vocab) throws GgufFormatException {
        GgufValue v = metadata.get(key);
        if (v == null) {
            return -1;
        }
        if (!v.isInteger() || v.asLong() < 0 || v.asLong() >= vocab) {
            throw new GgufFormatException(
                    "metadata key " + key + " is " + v.value() + ", expected a token id below " + vocab);
        }
        return (int) v.asLong();
    }

    /**
     * Token ids of {@code text}, after BOS when the model adds it: for a SentencePiece ({@code
     * llama}) vocabulary as llama.cpp's SPM tokenizer encodes it (see {@link SentencePieceEncoder}),
     * for a {@code gpt2} one by byte-level BPE (see {@link Gpt2BpeEncoder}), otherwise one byte
     * token per UTF-8 byte.
     */
    public int[] encode(String text) {
        if (bpe != null) {
            List<Integer> out = new ArrayList<>();
            if (addBos) {
                out.add(bos);
            }
            bpe.encode(text, out);
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        if (sentencePiece != null) {
            List<Integer> out = new ArrayList<>();
            if (addBos) {
                out.add(bos);
            }
            if (!text.isEmpty()) {
                String escaped = ((addSpacePrefix ? " " : "") + text).replace(' ', '\u2581');
                sentencePiece.encode(escaped, out);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        return encodeBytes(text);
    }

    /** BOS (when the model adds it) and one byte token per UTF-8 byte of {@code text}. */
    public int[] encodeBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = addBos ? 1 : 0;
        int[] ids = new int[start + bytes.length];
        if (addBos) {
            ids[0] = bos;
        }
        for (int i = 0; i < bytes.length; i++) {
            ids[start + i] = byteTokens[bytes[i] & 0xff];
        }
        return ids;
    }

    /**
     * The text of {@code ids[off .. off+n)}; invalid UTF-8 becomes U+FFFD. For a SentencePiece
     * vocabulary with a space prefix, text decoded from a BOS loses the one space encoding added.
     */
    public String decode(int[] ids, int off, int n) {
        String text = decodeRaw(ids, off, n);
        boolean fromBos = n > 0 && ids[off] == bos && bos >= 0;
        if (sentencePiece != null && addSpacePrefix && fromBos && text.startsWith(" ")) {
            return text.substring(1);
        }
        return text;
    }

    private String decodeRaw(int[] ids, int off, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = off; i < off + n; i++) {
            int id = ids[i];
            if (id < 0 || id >= pieces.size() || control[id]) {
                continue;
            }
            if (tokenBytes[id] >= 0) {
                out.write(tokenBytes[id]);
            } else if (bpe != null) {
                Gpt2BpeEncoder.decodePiece(pieces.get(id), out);
            } else {
                byte[] text = pieces.get(id).replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
                out.write(text, 0, text.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The end-of-sequence id, or -1 if the vocabulary has none. */
    public int eos() {
        return eos;
    }

    /** The beginning-of-sequence id, or -1. */
    public int bos() {
        return bos;
    }

    public int vocabularySize() {
        return pieces.size();
    }
}
