package dev.bitbench.inference.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sequential little-endian reads over a {@link ByteSource} through a small window. Every read first
 * checks that its bytes exist, so a length or count read from a hostile file can never make it
 * allocate more than the file holds.
 */
final class HeaderCursor {
    private static final int WINDOW = 1 << 16;

    private final ByteSource source;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
    private long windowStart;
    private long pos;
    /** What is being read, for error messages. */
    String context = "header";

    HeaderCursor(ByteSource source) {
        this.source = source;
        this.size = source.size();
        window.limit(0);
    }

    long position() {
        return pos;
    }

    long remaining() {
        return size - pos;
    }

    /** Fails unless {@code n} more bytes exist. */
    void require(long n, String what) throws GgufFormatException {
        if (n < 0 || n > remaining()) {
            throw new GgufFormatException("truncated file: " + what + " needs " + Long.toUnsignedString(n)
                    + " bytes at byte " + pos + " (" + context + "), but the file ends at byte " + size);
        }
    }

    private ByteBuffer ensure(int n, String what) throws IOException {
        require(n, what);
        long offsetInWindow = pos - windowStart;
        if (offsetInWindow < 0 || offsetInWindow + n > window.limit()) {
            window.clear();
            window.limit((int) Math.min(WINDOW, size - pos));
            source.readFully(pos, window);
            window.flip();
            windowStart = pos;
            offsetInWindow = 0;
        }
        window.position((int) offsetInWindow);
        pos += n;
        return window;
    }

    byte u8(String what) throws IOException {
        return ensure(1, what).get();
    }

    short u16(String what) throws IOException {
        return ensure(2, what).getShort();
    }

    int u32(String what) throws IOException {
        return ensure(4, what).getInt();
    }

    long u64(String what) throws IOException {
        return ensure(8, what).getLong();
    }

    /** {@code n} raw bytes; {@code n} is checked against the bytes left before anything is allocated. */
    byte[] bytes(long n, String what) throws IOException {
        require(n, what);
        if (n > Integer.MAX_VALUE - 8) {
            throw new GgufFormatException(what + " of " + n + " bytes at byte " + pos + " (" + context
                    + ") is larger than this reader supports (2 GiB)");
        }
        byte[] out = new byte[(int) n];
        if (n <= WINDOW) {
            ensure((int) n, what).get(out);
        } else {
            source.readFully(pos, ByteBuffer.wrap(out));
            pos += n;
        }
        return out;
    }

    void skipTo(long target) throws GgufFormatException {
        require(target - pos, "padding");
        pos = target;
    }
}
