package dev.bitbench.inference.gguf;

import java.io.IOException;

/**
 * A GGUF file that cannot be read: wrong magic, unknown version, truncated, counts or offsets past
 * the end, duplicate keys or tensors, an unsupported tensor type. The message says what is wrong and
 * where (byte offset, key or tensor name) and what was expected. Readers throw only this for
 * malformed content; other {@link IOException}s mean the file itself could not be read.
 */
public class GgufFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public GgufFormatException(String message) {
        super(message);
    }
}
