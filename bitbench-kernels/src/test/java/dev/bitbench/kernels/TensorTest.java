package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
    static Tensor counting(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = i;
        }
        return t;
    }

    @Test
    void indexesRowMajor() {
        Tensor t = counting(2, 3, 4);
        assertThat(t.rank()).isEqualTo(3);
        assertThat(t.size()).isEqualTo(24);
        assertThat(t.rows()).isEqualTo(6);
        assertThat(t.cols()).isEqualTo(4);
        assertThat(t.dim(-1)).isEqualTo(4);
        assertThat(t.get(1, 2, 3)).isEqualTo(23f); // (1 * 3 + 2) * 4 + 3
        assertThat(t.get(0, 1, 0)).isEqualTo(4f);
        t.set(-1f, 1, 0, 2);
        assertThat(t.data()[14]).isEqualTo(-1f);
    }

    @Test
    void viewsShareDataWithoutCopying() {
        Tensor t = counting(4, 3);
        Tensor row = t.row(2);
        assertThat(row.shape()).containsExactly(3);
        assertThat(row.data()).isSameAs(t.data());
        assertThat(row.offset()).isEqualTo(6);
        assertThat(row.toArray()).containsExactly(6, 7, 8);

        row.set(100f, 1);
        assertThat(t.get(2, 1)).isEqualTo(100f);

        Tensor slice = t.slice(1, 3);
        assertThat(slice.shape()).containsExactly(2, 3);
        assertThat(slice.get(1, 1)).isEqualTo(100f);
        slice.set(-5f, 0, 0);
        assertThat(t.get(1, 0)).isEqualTo(-5f);

        Tensor flat = slice.reshape(6);
        assertThat(flat.data()).isSameAs(t.data());
        assertThat(flat.get(4)).isEqualTo(100f);
        flat.set(42f, 5);
        assertThat(t.get(2, 2)).isEqualTo(42f);
    }

    @Test
    void rowOfARank3TensorIsAMatrix() {
        Tensor t = counting(2, 3, 4);
        Tensor m = t.row(1);
        assertThat(m.shape()).containsExactly(3, 4);
        assertThat(m.get(0, 0)).isEqualTo(12f);
        assertThat(m.row(2).toArray()).containsExactly(20, 21, 22, 23);
    }

    @Test
    void copyIsIndependent() {
        Tensor t = counting(2, 2);
        Tensor c = t.row(1).copy();
        c.set(9f, 0);
        assertThat(t.get(1, 0)).isEqualTo(2f);
        assertThat(c.offset()).isZero();
        assertThat(t.shape()).containsExactly(2, 2);
        t.shape()[0] = 7; // shape() is a copy
        assertThat(t.dim(0)).isEqualTo(2);
    }

    @Test
    void wrapsAnArrayAtAnOffset() {
        float[] data = {0, 1, 2, 3, 4, 5, 6};
        Tensor t = new Tensor(data, 1, 2, 3);
        assertThat(t.get(0, 0)).isEqualTo(1f);
        assertThat(t.get(1, 2)).isEqualTo(6f);
        assertThat(Tensor.of(data, 7).size()).isEqualTo(7);
    }

    @Test
    void emptyDimensionsAreValid() {
        Tensor t = Tensor.zeros(0, 5);
        assertThat(t.size()).isZero();
        assertThat(t.rows()).isZero();
        assertThat(t.slice(0, 0).size()).isZero();
        assertThat(t.reshape(5, 0).shape()).containsExactly(5, 0);
    }

    @Test
    void rejectsInvalidShapesAndData() {
        assertThatThrownBy(() -> Tensor.of(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 5")
                .hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> new Tensor(new float[6], 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 1");
        assertThatThrownBy(() -> Tensor.zeros(2, -1)).hasMessageContaining("[2, -1]");
        assertThatThrownBy(() -> Tensor.zeros()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.zeros(1 << 16, 1 << 16)).hasMessageContaining("elements");
        assertThatThrownBy(() -> new Tensor(new float[4], -1, 2)).hasMessageContaining("-1");
    }

    @Test
    void reshapeToAnotherSizeNamesBothShapes() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[4, 2]");
    }

    @Test
    void rejectsBadIndices() {
        Tensor t = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> t.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.get(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.get(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank 2");
        assertThatThrownBy(() -> t.row(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.slice(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Tensor.zeros(3).row(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.dim(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
