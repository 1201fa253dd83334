package dev.bitbench.inference.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Random-access bytes of a GGUF file: a file channel (tensors memory-mapped) or an array. */
interface ByteSource extends AutoCloseable {
    long size();

    /** Reads {@code dst.remaining()} bytes at {@code pos}; the caller has checked they exist. */
    void readFully(long pos, ByteBuffer dst) throws IOException;

    /** A read-only little-endian view of {@code len} bytes at {@code pos} (mapped for files). */
    ByteBuffer slice(long pos, int len) throws IOException;

    @Override
    void close() throws IOException;

    static ByteSource of(FileChannel channel) throws IOException {
        long size = channel.size();
        return new ByteSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public void readFully(long pos, ByteBuffer dst) throws IOException {
                long at = pos;
                while (dst.hasRemaining()) {
                    int n = channel.read(dst, at);
                    if (n < 0) {
                        throw new GgufFormatException("file shrank while reading at byte " + at);
                    }
                    at += n;
                }
            }

            @Override
            public ByteBuffer slice(long pos, int len) throws IOException {
                return channel.map(FileChannel.MapMode.READ_ONLY, pos, len).order(ByteOrder.LITTLE_ENDIAN);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void readFully(long pos, ByteBuffer dst) {
                dst.put(bytes, (int) pos, dst.remaining());
            }

            @Override
            public ByteBuffer slice(long pos, int len) {
                return ByteBuffer.wrap(bytes, (int) pos, len)
                        .slice()
                        .asReadOnlyBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN);
            }

            @Override
            public void close() {}
        };
    }
}
