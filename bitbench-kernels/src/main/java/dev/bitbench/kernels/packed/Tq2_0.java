package dev.bitbench.kernels.packed;

import dev.bitbench.kernels.Fp16;
import java.util.Objects;

/**
 * GGML's TQ2_0 block format (2.0625 bits per weight), bit-exact with ggml's {@code
 * quantize_row_tq2_0_ref} and {@code dequantize_row_tq2_0}.
 *
 * <p>A block holds 256 values in 66 bytes: 64 bytes {@code qs} of 2-bit codes, then the scale
 * {@code d} as a little-endian IEEE half. The block is two chunks of 128 values; in chunk {@code
 * c}, bits {@code [2n, 2n + 2)} of byte {@code qs[32c + m]} hold the code of value {@code 128c + 32n
 * + m}. A code {@code q} decodes to {@code (q - 1) * d}.
 *
 * <p>Quantization: {@code d = max |x|} over the block (not the absmean of BitNet training; this is
 * what ggml stores), each value becomes {@code lround(x / d) + 1} with {@code 1/d} computed once in
 * float and ties rounded away from zero (C's {@code lroundf}); an all-zero block gets {@code d = 0}
 * and codes 1. Inputs must be finite. Dequantization accepts any byte, as ggml does: code 3 decodes
 * to {@code 2d}.
 */
public final class Tq2_0 {
    /** Values per block. */
    public static final int BLOCK_VALUES = 256;
    /** Bytes per block: 64 code bytes and a 2-byte half scale. */
    public static final int BLOCK_BYTES = 66;

    private static final int QS_BYTES = 64;

    private Tq2_0() {}

    /** Bytes needed for {@code n} values; {@code n} must be a multiple of 256. */
    public static int bytesFor(int n) {
        return blocks(n) * BLOCK_BYTES;
    }

    /** Quantizes {@code x[off .. off+n)} into a new array of {@link #bytesFor(int) bytesFor(n)} bytes. */
    public static byte[] quantize(float[] x, int off, int n) {
        byte[] dst = new byte[bytesFor(n)];
        quantize(x, off, n, dst, 0);
        return dst;
    }

    /**
     * Quantizes {@code x[xOff .. xOff+n)} into {@code dst} from {@code dstOff}.
     *
     * @throws IllegalArgumentException if {@code n} is not a non-negative multiple of 256 or a range
     *     is out of bounds
     */
    public static void quantize(float[] x, int xOff, int n, byte[] dst, int dstOff) {
        int nb = blocks(n);
        Objects.checkFromIndexSize(xOff, n, x.length);
        Objects.checkFromIndexSize(dstOff, nb * BLOCK_BYTES, dst.length);
        for (int b = 0; b < nb; b++) {
            int xb = xOff + b * BLOCK_VALUES;
            int db = dstOff + b * BLOCK_BYTES;
            float d = absMax(x, xb, BLOCK_VALUES);
            float id = d != 0f ? 1.0f / d : 0f;
            for (int chunk = 0; chunk < 2; chunk++) {
                for (int m = 0; m < 32; m++) {
                    int packed = 0;
                    for (int n2 = 0; n2 < 4; n2++) {
                        int q = roundHalfAwayFromZero(x[xb + 128 * chunk + 32 * n2 + m] * id) + 1;
                        packed |= (q & 3) << (2 * n2);
                    }
                    dst[db + 32 * chunk + m] = (byte) packed;
                }
            }
            writeHalf(dst, db + QS_BYTES, Fp16.fromFloat(d));
        }
    }

    /** Dequantizes {@code n} values from {@code src[srcOff ..)} into a new array. */
    public static float[] dequantize(byte[] src, int srcOff, int n) {
        float[] y = new float[n];
        dequantize(src, srcOff, y, 0, n);
        return y;
    }

    /**
     * Dequantizes {@code n} values (a multiple of 256) from the blocks at {@code src[srcOff ..)} into
     * {@code y[yOff .. yOff+n)}.
     */
    public static void dequantize(byte[] src, int srcOff, float[] y, int yOff, int n) {
        int nb = blocks(n);
        Objects.checkFromIndexSize(srcOff, nb * BLOCK_BYTES, src.length);
        Objects.checkFromIndexSize(yOff, n, y.length);
        for (int b = 0; b < nb; b++) {
            int sb = srcOff + b * BLOCK_BYTES;
            int yb = yOff + b * BLOCK_VALUES;
            float d = Fp16.toFloat(readHalf(src, sb + QS_BYTES));
            for (int chunk = 0; chunk < 2; chunk++) {
                for (int n2 = 0; n2 < 4; n2++) {
                    for (int m = 0; m < 32; m++) {
                        int q = (src[sb + 32 * chunk + m] >>> (2 * n2)) & 3;
                        y[yb + 128 * chunk + 32 * n2 + m] = (float) (q - 1) * d;
                    }
                }
            }
        }
    }

    static int blocks(int n) {
        if (n < 0 || n % BLOCK_VALUES != 0) {
            throw new IllegalArgumentException(
                    "value count must be a non-negative multiple of " + BLOCK_VALUES + ", got " + n);
        }
        return n / BLOCK_VALUES;
    }

    /** The largest magnitude in {@code x[off .. off+n)}, folded as ggml's {@code MAX(amax, fabsf(v))}. */
    static float absMax(float[] x, int off, int n) {
        float amax = 0f;
        for (int i = 0; i < n; i++) {
            float a = Math.abs(x[off + i]);
            amax = amax > a ? amax : a;
        }
        return amax;
    }

    /** C's {@code lroundf}: nearest integer, ties away from zero ({@link Math#round} ties upward). */
    static int roundHalfAwayFromZero(float v) {
        return v < 0f ? -Math.round(-v) : Math.round(v);
    }

    static short readHalf(byte[] src, int at) {
        return (short) ((src[at] & 0xff) | (src[at + 1] << 8));
    }

    static void writeHalf(byte[] dst, int at, short bits) {
        dst[at] = (byte) bits;
        dst[at + 1] = (byte) (bits >>> 8);
    }
}
