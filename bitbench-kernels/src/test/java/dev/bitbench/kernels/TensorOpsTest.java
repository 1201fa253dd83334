package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TensorOpsTest {
    static Stream<TensorOps> allBackends() {
        return Stream.of(
                new TensorOps(Backends.scalar()),
                new TensorOps(Backends.simd()),
                new TensorOps(Backends.parallel(Parallel.withThreads(2))));
    }

    static Tensor matrix(int rows, int cols, float... values) {
        return Tensor.of(values, rows, cols);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void elementwiseOpsOnViewsUseTheirOffsets(TensorOps ops) {
        Tensor t = matrix(3, 2, 1, 2, 3, 4, 5, 6);
        Tensor lastRows = t.slice(1, 3); // [[3, 4], [5, 6]] at offset 2
        Tensor sum = ops.add(lastRows, lastRows);
        assertThat(sum.toArray()).containsExactly(6, 8, 10, 12);
        assertThat(ops.mul(t.row(0), t.row(2)).toArray()).containsExactly(5, 12);
        assertThat(ops.scale(t.row(1), 0.5f).toArray()).containsExactly(1.5f, 2f);
        assertThat(ops.map(lastRows, x -> -x).toArray()).containsExactly(-3, -4, -5, -6);

        ops.add(t.row(0), t.row(1), t.row(2)); // in place into a view
        assertThat(t.toArray()).containsExactly(1, 2, 3, 4, 4, 6);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void reductionsCoverEveryElementOfAView(TensorOps ops) {
        Tensor t = matrix(2, 3, 1, 2, 3, 4, 5, 6);
        assertThat(ops.sum(t)).isEqualTo(21f);
        assertThat(ops.sum(t.row(1))).isEqualTo(15f);
        assertThat(ops.max(t.row(0))).isEqualTo(3f);
        assertThat(ops.mean(t.row(1))).isEqualTo(5f);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void activationsKeepTheShape(TensorOps ops) {
        Tensor x = matrix(2, 2, -1, 0, 1, 2);
        assertThat(ops.relu(x).toArray()).containsExactly(0, 0, 1, 2);
        assertThat(ops.relu2(x).toArray()).containsExactly(0, 0, 1, 4);
        assertThat(ops.silu(x).get(1, 0)).isCloseTo(0.7310586f, within(2e-7f));
        assertThat(ops.swish(x, 1f).get(1, 0)).isCloseTo(0.7310586f, within(2e-7f));
        assertThat(ops.gelu(x).get(1, 0)).isCloseTo(0.8411920f, within(2e-7f));
        assertThat(ops.gelu(x).shape()).containsExactly(2, 2);
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void softmaxAndRmsNormWorkPerRow(TensorOps ops) {
        Tensor x = matrix(2, 3, 1, 2, 3, 1, 1, 1);
        Tensor s = ops.softmax(x);
        assertThat(s.get(0, 0)).isCloseTo(0.09003057f, within(3e-8f));
        assertThat(s.get(0, 2)).isCloseTo(0.66524096f, within(6e-8f));
        assertThat(s.get(1, 1)).isCloseTo(1f / 3, within(3e-8f));

        Tensor y = matrix(2, 2, 3, 4, 1, 1);
        Tensor n = ops.rmsNorm(y, Tensor.of(new float[] {1, 2}, 2), 0f);
        assertThat(n.get(0, 0)).isCloseTo(0.8485281f, within(1e-7f));
        assertThat(n.get(0, 1)).isCloseTo(2.2627417f, within(2e-7f));
        assertThat(n.get(1, 0)).isCloseTo(1f, within(1e-7f));
        assertThat(n.get(1, 1)).isCloseTo(2f, within(2e-7f));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void ropeRotatesEveryHeadInPlace(TensorOps ops) {
        Tensor heads = matrix(2, 2, 1, 0, 0, 1);
        ops.rope(heads, 1, 10000f);
        // theta = 1: [1, 0] -> [cos 1, sin 1]; [0, 1] -> [-sin 1, cos 1]
        assertThat(heads.get(0, 0)).isCloseTo(0.5403023f, within(1e-7f));
        assertThat(heads.get(0, 1)).isCloseTo(0.8414710f, within(1e-7f));
        assertThat(heads.get(1, 0)).isCloseTo(-0.8414710f, within(1e-7f));
        assertThat(heads.get(1, 1)).isCloseTo(0.5403023f, within(1e-7f));
    }

    @ParameterizedTest
    @MethodSource("allBackends")
    void matrixProductsOnViewsAtAnOffset(TensorOps ops) {
        // rows 1..2 of a 3x3 matrix: A = [[1, 2, 3], [4, 5, 6]] at offset 3
        Tensor a = matrix(3, 3, 9, 9, 9, 1, 2, 3, 4, 5, 6).slice(1, 3);
        Tensor b = matrix(3, 2, 1, 0, 0, 1, 1, 1); // [[1, 0], [0, 1], [1, 1]]
        // A.B = [[1 + 3, 2 + 3], [4 + 6, 5 + 6]]
        assertThat(ops.matmul(a, b).toArray()).containsExactly(4, 5, 10, 11);
        // B stored as [n, k] = [[1, 0, 1], [0, 1, 1]]: the same product
        Tensor bt = matrix(2, 3, 1, 0, 1, 0, 1, 1);
        assertThat(ops.matmulTransB(a, bt).toArray()).containsExactly(4, 5, 10, 11);
        // y = A.x with x = [1, -1, 2] (a view too), into an output view at offset 1
        Tensor xView = new Tensor(new float[] {7, 1, -1, 2}, 1, 3);
        Tensor y = new Tensor(new float[] {-9, 0, 0, -9}, 1, 2);
        ops.gemv(a, xView, y);
        // [1 - 2 + 6, 4 - 5 + 12]; the elements around the view stay
        assertThat(y.data()).containsExactly(-9, 5, 11, -9);
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        TensorOps ops = new TensorOps(Backends.simd());
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(3, 2);
        assertThatThrownBy(() -> ops.add(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
        assertThatThrownBy(() -> ops.mul(a, a, b))
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
        assertThatThrownBy(() -> ops.softmax(a, b))
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
        assertThatThrownBy(() -> ops.rmsNorm(a, Tensor.zeros(2), 1e-5f))
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[2]");
    }

    @Test
    void matrixProductsCheckShapesBeforeDelegating() {
        TensorOps ops = new TensorOps(Backends.scalar());
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> ops.matmul(a, Tensor.zeros(4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[4, 5]");
        assertThatThrownBy(() -> ops.matmul(a, Tensor.zeros(3, 5), Tensor.zeros(2, 4)))
                .hasMessageContaining("[2, 5]")
                .hasMessageContaining("[2, 4]");
        assertThatThrownBy(() -> ops.matmulTransB(a, Tensor.zeros(5, 4)))
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[5, 4]");
        assertThatThrownBy(() -> ops.gemv(a, Tensor.zeros(2)))
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[2]");
        assertThatThrownBy(() -> ops.gemv(a, Tensor.zeros(3), Tensor.zeros(3)))
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3]");
        assertThatThrownBy(() -> ops.matmul(Tensor.zeros(6), a)).hasMessageContaining("rank 2");
    }

    @Test
    void backendIsTheOneGiven() {
        Backend simd = Backends.simd();
        assertThat(new TensorOps(simd).backend()).isSameAs(simd);
    }
}
