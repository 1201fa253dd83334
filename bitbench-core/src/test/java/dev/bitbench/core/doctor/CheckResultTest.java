package dev.bitbench.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckResultTest {

    @Test
    void warningWithoutHintIsRejected() {
        assertThatThrownBy(() -> CheckResult.warn("x", "d", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailIsFoldedToOneLine() {
        assertThat(CheckResult.ok("x", "a\n  b\r\nc").detail()).isEqualTo("a b c");
    }
}
