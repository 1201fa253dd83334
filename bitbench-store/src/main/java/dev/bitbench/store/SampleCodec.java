package dev.bitbench.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Samples as stored: IEEE-754 doubles, 8 bytes each, little-endian, exact round trip. */
final class SampleCodec {
    private SampleCodec() {}

    static byte[] encode(double[] samples) {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(samples);
        return buf.array();
    }

    static double[] decode(byte[] data, int n, String where) {
        if (data == null || data.length != n * Double.BYTES) {
            throw new StoreException("stored samples of " + where + " are damaged: expected " + n * Double.BYTES
                    + " bytes, found " + (data == null ? 0 : data.length));
        }
        double[] samples = new double[n];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(samples);
        return samples;
    }
}
