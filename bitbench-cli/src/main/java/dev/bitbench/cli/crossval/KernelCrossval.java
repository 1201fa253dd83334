package dev.bitbench.cli.crossval;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.peers.PeerLibraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * Every backend's GEMM and GEMV against the scalar reference and against two independent libraries
 * (OpenBLAS's {@code cblas_sgemm}/{@code cblas_sgemv} and EJML's {@code CommonOps_FDRM.mult}) on the
 * same seeded inputs, judged by {@link ErrorStats}. Shapes include odd sizes so vector tails and
 * uneven row splits are exercised.
 */
public final class KernelCrossval {
    /** A product {@code C[m x n] = A[m x k] B[k x n]}; {@code n = 1} is a GEMV. */
    public record Shape(String op, int m, int n, int k) {
        public Shape {
            if (m < 1 || n < 1 || k < 1) {
                throw new IllegalArgumentException("shape sides must be >= 1, got " + m + "x" + n + "x" + k);
            }
        }

        /** {@code MxNxK} for GEMM, {@code MxK} for GEMV. */
        public String label() {
            return op.equals("gemv") ? m + "x" + k : m + "x" + n + "x" + k;
        }
    }

    /** The shapes checked by default. */
    public static final List<Shape> DEFAULT_SHAPES = List.of(
            new Shape("gemm", 64, 64, 64),
            new Shape("gemm", 127, 65, 33),
            new Shape("gemm", 256, 256, 256),
            new Shape("gemv", 1024, 1, 1024),
            new Shape("gemv", 1000, 1, 999));

    private KernelCrossval() {}

    /**
     * Runs every shape on every backend against every reference.
     *
     * @param threads threads of the {@code parallel} backend
     */
    public static List<CrossvalReport.KernelRow> run(List<Shape> shapes, long seed, int threads) {
        Optional<String> noBlas = PeerLibraries.unavailableReason("openblas");
        List<CrossvalReport.KernelRow> rows = new ArrayList<>();
        for (Shape s : shapes) {
            float[] a = SeededInputs.gaussian(seed, "crossval." + s.op() + ".a", s.m() * s.k());
            float[] b = SeededInputs.gaussian(seed, "crossval." + s.op() + ".b", s.k() * s.n());
            double[] bound = ErrorStats.absProducts(a, b, s.m(), s.n(), s.k());
            float[] scalar = multiply(Backends.scalar(), s, a, b);
            float[] blas = noBlas.isEmpty() ? openBlas(s, a, b) : null;
            float[] ejml = ejml(s, a, b);
            for (String name : Backends.NAMES) {
                float[] c = name.equals("scalar") ? scalar : multiply(Backends.byName(name, threads), s, a, b);
                if (!name.equals("scalar")) {
                    rows.add(row(s, name, "scalar", ErrorStats.compare(c, scalar, bound, s.k())));
                }
                if (blas == null) {
                    rows.add(CrossvalReport.KernelRow.skipped(s.op(), s.label(), name, "openblas", noBlas.get()));
                } else {
                    rows.add(row(s, name, "openblas", ErrorStats.compare(c, blas, bound, s.k())));
                }
                rows.add(row(s, name, "ejml", ErrorStats.compare(c, ejml, bound, s.k())));
            }
        }
        return rows;
    }

    private static CrossvalReport.KernelRow row(Shape s, String backend, String reference, ErrorStats stats) {
        return CrossvalReport.KernelRow.measured(s.op(), s.label(), backend, reference, stats);
    }

    static float[] multiply(Backend backend, Shape s, float[] a, float[] b) {
        float[] c = new float[s.m() * s.n()];
        if (s.op().equals("gemv")) {
            backend.matrix().gemv(a, b, c, s.m(), s.k());
        } else {
            backend.matrix().gemm(a, b, c, s.m(), s.n(), s.k());
        }
        return c;
    }

    static float[] openBlas(Shape s, float[] a, float[] b) {
        try (FloatPointer pa = new FloatPointer(a);
                FloatPointer pb = new FloatPointer(b);
                FloatPointer pc = new FloatPointer((long) s.m() * s.n())) {
            if (s.op().equals("gemv")) {
                openblas_full.cblas_sgemv(CblasRowMajor, CblasNoTrans, s.m(), s.k(), 1f, pa, s.k(), pb, 1, 0f, pc, 1);
            } else {
                openblas_full.cblas_sgemm(
                        CblasRowMajor,
                        CblasNoTrans,
                        CblasNoTrans,
                        s.m(),
                        s.n(),
                        s.k(),
                        1f,
                        pa,
                        s.k(),
                        pb,
                        s.n(),
                        0f,
                        pc,
                        s.n());
            }
            float[] c = new float[s.m() * s.n()];
            pc.get(c);
            return c;
        }
    }

    static float[] ejml(Shape s, float[] a, float[] b) {
        FMatrixRMaj c = new FMatrixRMaj(s.m(), s.n());
        CommonOps_FDRM.mult(FMatrixRMaj.wrap(s.m(), s.k(), a), FMatrixRMaj.wrap(s.k(), s.n(), b), c);
        return c.data;
    }
}
