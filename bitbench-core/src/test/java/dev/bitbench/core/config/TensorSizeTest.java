package dev.bitbench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TensorSizeTest {

    @Test
    void parsesSquareAndRectangularSizes() {
        assertThat(TensorSize.parse("1024")).isEqualTo(new TensorSize(1024, 1024));
        assertThat(TensorSize.parse("512x2048")).isEqualTo(new TensorSize(512, 2048));
        assertThat(TensorSize.parse(" 64 X 128 ")).isEqualTo(new TensorSize(64, 128));
        assertThat(new TensorSize(3, 5)).hasToString("3x5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "0", "-4", "1x2x3", "65537", "ax4", "1.5"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> TensorSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
