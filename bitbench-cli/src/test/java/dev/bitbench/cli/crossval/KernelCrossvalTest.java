package dev.bitbench.cli.crossval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelCrossvalTest {
    @Test
    void everyBackendPassesAgainstScalarOpenBlasAndEjmlOnSeededInputs() {
        List<CrossvalReport.KernelRow> rows = KernelCrossval.run(KernelCrossval.DEFAULT_SHAPES, 42, 2);

        // per shape: scalar vs openblas, ejml; simd and parallel vs scalar, openblas, ejml
        assertThat(rows).hasSize(KernelCrossval.DEFAULT_SHAPES.size() * 8);
        assertThat(rows).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo("pass"));
        assertThat(rows).extracting(CrossvalReport.KernelRow::reference).contains("scalar", "openblas", "ejml");
        assertThat(rows).extracting(CrossvalReport.KernelRow::backend).contains("scalar", "simd", "parallel");
    }

    @Test
    void independentLibrariesAgreeWithAPlainDoubleLoop() {
        KernelCrossval.Shape s = new KernelCrossval.Shape("gemm", 3, 2, 2);
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {1, 0, 0, 1};
        assertThat(KernelCrossval.openBlas(s, a, b)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(KernelCrossval.ejml(s, a, b)).containsExactly(1, 2, 3, 4, 5, 6);
        KernelCrossval.Shape v = new KernelCrossval.Shape("gemv", 2, 1, 3);
        float[] m = {1, 2, 3, -1, 0, 1};
        float[] x = {1, 1, 2};
        assertThat(KernelCrossval.openBlas(v, m, x)).containsExactly(9, 1);
        assertThat(KernelCrossval.ejml(v, m, x)).containsExactly(9, 1);
    }

    @Test
    void aWrongProductIsCaught() {
        KernelCrossval.Shape s = new KernelCrossval.Shape("gemm", 16, 16, 16);
        float[] a = dev.bitbench.suite.SeededInputs.gaussian(7, "a", 256);
        float[] b = dev.bitbench.suite.SeededInputs.gaussian(7, "b", 256);
        Backend scalar = Backends.scalar();
        float[] good = KernelCrossval.multiply(scalar, s, a, b);
        float[] bad = good.clone();
        bad[17] += 1e-3f;
        double[] bound = ErrorStats.absProducts(a, b, 16, 16, 16);
        assertThat(ErrorStats.compare(bad, KernelCrossval.ejml(s, a, b), bound, 16)
                        .passed())
                .isFalse();
        assertThat(ErrorStats.compare(good, KernelCrossval.ejml(s, a, b), bound, 16)
                        .passed())
                .isTrue();
    }
}
