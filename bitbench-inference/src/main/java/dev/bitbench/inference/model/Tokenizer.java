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
 * A byte-level tokenizer over a GGUF vocabulary with byte tokens {@code <0x00>} to {@code <0xFF>}
 * (as the fixtures' and SentencePiece byte-fallback vocabularies have): text is encoded as its
 * UTF-8 bytes, one byte token each, after BOS when {@code tokenizer.ggml.add_bos_token} is true
 * (the default). Decoding turns byte tokens back into bytes and other pieces into their text with
 * {@code ▁} as a space, drops control tokens, and decodes the bytes as UTF-8 at the end, so a
 * character split over several tokens comes back whole. Merges of SentencePiece / GPT-2 BPE are not
 * applied: encoding is not what llama.cpp would produce for those vocabularies, decoding is.
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

    private Tokenizer(List<String> pieces, int[] types, int bos, int eos, boolean addBos) throws GgufFormatException {
        this.pieces = pieces;
        this.bos = bos;
        this.eos = eos;
        this.addBos = addBos;
        tokenBytes = new int[pieces.size()];
        control = new boolean[pieces.size()];
        java.util.Arrays.fill(byteTokens, -1);
        for (int id = 0; id < pieces.size(); id++) {
            String p = pieces.get(id);
            tokenBytes[id] = -1;
            if (p.length() == 6 && p.startsWith("<0x") && p.endsWith(">")) {
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
        for (int b = 0; b < 256; b++) {
            if (byteTokens[b] < 0) {
                throw new GgufFormatException("the vocabulary has no byte token <0x" + String.format("%02X", b)
                        + ">; only byte-fallback vocabularies are supported");
            }
        }
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
        return new Tokenizer(pieces, types, bos, eos, addBos && bos >= 0);
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

    /** Token ids of {@code text}: BOS (when the model adds it) and one byte token per UTF-8 byte. */
    public int[] encode(String text) {
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

    /** The text of {@code ids[off .. off+n)}; invalid UTF-8 becomes U+FFFD. */
    public String decode(int[] ids, int off, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = off; i < off + n; i++) {
            int id = ids[i];
            if (id < 0 || id >= pieces.size() || control[id]) {
                continue;
            }
            if (tokenBytes[id] >= 0) {
                out.write(tokenBytes[id]);
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
