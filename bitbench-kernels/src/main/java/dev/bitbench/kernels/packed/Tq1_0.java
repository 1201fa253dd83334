package dev.bitbench.kernels.packed;

import dev.bitbench.kernels.Fp16;
import java.util.Objects;

/**
 * GGML's TQ1_0 block format (1.6875 bits per weight), bit-exact with ggml's {@code
 * quantize_row_tq1_0_ref} and {@code dequantize_row_tq1_0}.
 *
 * <p>A block holds 256 values in 54 bytes: 48 bytes {@code qs} of five base-3 digits each, 4 bytes
 * {@code qh} of four digits each, then the scale {@code d} as a little-endian IEEE half. Digits are
 * codes {@code q = w + 1} in {0, 1, 2}. The values are laid out as:
 *
 * <ul>
 *   <li>values 0..159: byte {@code qs[m]} ({@code m < 32}) holds values {@code m + 32n}, {@code n <
 *       5}, most significant digit first;
 *   <li>values 160..239: byte {@code qs[32 + m]} ({@code m < 16}) holds values {@code 160 + m + 16n};
 *   <li>values 240..255: byte {@code qh[j]} ({@code j < 4}) holds values {@code 240 + j + 4n}, {@code
 *       n < 4}, as the top four of five digits (the last digit is 0).
 * </ul>
 *
 * <p>A byte is not the base-3 number itself but that number {@code v < 243} scaled to a fraction of
 * 256, rounded up: {@code ceil(v * 256 / 243)}. Digit {@code n} is then read without division:
 * multiply the byte by {@code 3^n} modulo 256 (which drops the digits before it), multiply by 3 and
 * keep the bits above 8. Quantization uses the same {@code d = max |x|} and {@code lroundf} rounding
 * as {@link Tq2_0}; inputs must be finite. Dequantization accepts any byte, as ggml does.
 */
public final class Tq1_0 {
    /** Values per block. */
    public static final int BLOCK_VALUES = 256;
    /** Bytes per block: 48 + 4 digit bytes and a 2-byte half scale. */
    public static final int BLOCK_BYTES = 54;

    private static final int QS_BYTES = 48;
    private static final int QH_BYTES = 4;
    private static final int[] POW3 = {1, 3, 9, 27, 81, 243};

    private Tq1_0() {}

    /** Bytes needed for {@code n} values; {@code n} must be a multiple of 256. */
    public static int bytesFor(int n) {
        return Tq2_0.blocks(n) * BLOCK_BYTES;
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
        int nb = Tq2_0.blocks(n);
        Objects.checkFromIndexSize(xOff, n, x.length);
        Objects.checkFromIndexSize(dstOff, nb * BLOCK_BYTES, dst.length);
        for (int b = 0; b < nb; b++) {
            int xb = xOff + b * BLOCK_VALUES;
            int db = dstOff + b * BLOCK_BYTES;
            float d = Tq2_0.absMax(x, xb, BLOCK_VALUES);
            float id = d != 0f ? 1.0f / d : 0f;
            // values 0..159: 32 bytes of five digits with stride 32
            for (int m = 0; m < 32; m++) {
                dst[db + m] = scaleToByte(digits(x, xb + m, 32, 5, id));
            }
            // values 160..239: 16 bytes of five digits with stride 16
            for (int m = 0; m < 16; m++) {
                dst[db + 32 + m] = scaleToByte(digits(x, xb + 160 + m, 16, 5, id));
            }
            // values 240..255: 4 bytes of four digits with stride 4, shifted up one digit
            for (int j = 0; j < QH_BYTES; j++) {
                dst[db + QS_BYTES + j] = scaleToByte(3 * digits(x, xb + 240 + j, 4, 4, id));
            }
            Tq2_0.writeHalf(dst, db + QS_BYTES + QH_BYTES, Fp16.fromFloat(d));
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
        int nb = Tq2_0.blocks(n);
        Objects.checkFromIndexSize(srcOff, nb * BLOCK_BYTES, src.length);
        Objects.checkFromIndexSize(yOff, n, y.length);
        for (int b = 0; b < nb; b++) {
            int sb = srcOff + b * BLOCK_BYTES;
            int yb = yOff + b * BLOCK_VALUES;
            float d = Fp16.toFloat(Tq2_0.readHalf(src, sb + QS_BYTES + QH_BYTES));
            for (int n5 = 0; n5 < 5; n5++) {
                for (int m = 0; m < 32; m++) {
                    y[yb + 32 * n5 + m] = (digit(src[sb + m], n5) - 1) * d;
                }
            }
            for (int n5 = 0; n5 < 5; n5++) {
                for (int m = 0; m < 16; m++) {
                    y[yb + 160 + 16 * n5 + m] = (digit(src[sb + 32 + m], n5) - 1) * d;
                }
            }
            for (int n4 = 0; n4 < 4; n4++) {
                for (int j = 0; j < QH_BYTES; j++) {
                    y[yb + 240 + 4 * n4 + j] = (digit(src[sb + QS_BYTES + j], n4) - 1) * d;
                }
            }
        }
    }

    /** Base-3 number of {@code count} codes {@code x[at + stride*i] / d + 1}, first code most significant. */
    private static int digits(float[] x, int at, int stride, int count, float id) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            v = 3 * v + Tq2_0.roundHalfAwayFromZero(x[at + stride * i] * id) + 1;
        }
        return v;
    }

    /** {@code ceil(v * 256 / 243)}: a base-3 number {@code v < 243} as a fraction of 256. */
    private static byte scaleToByte(int v) {
        return (byte) ((v * 256 + 242) / 243);
    }

    /** Digit {@code n} (0 = most significant) of a scaled byte. */
    private static int digit(byte b, int n) {
        int shifted = ((b & 0xff) * POW3[n]) & 0xff;
        return (shifted * 3) >>> 8;
    }
}
