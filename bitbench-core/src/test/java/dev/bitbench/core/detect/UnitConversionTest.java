package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConversionTest {

    @ParameterizedTest(name = "1 {0} = {2} {1}")
    @CsvSource({
        "ms/op, ms/op, 1",
        "ms/op, us/op, 1000",
        "us/op, ms/op, 0.001",
        "s, ms, 1000",
        "ops/ms, ops/s, 1000",
        "ops/s, ops/us, 0.000001",
        "min, s, 60",
        "ns/token, µs/token, 0.001",
    })
    void convertsTimeScales(String from, String to, double factor) {
        assertThat(UnitConversion.factor(from, to)).isCloseTo(factor, within(factor * 1e-12));
    }

    @ParameterizedTest
    @CsvSource({"ms/op, B/op", "ops/s, tokens/s", "MB, Mb", "ms/op, ms/token", "GFLOPS, ops/s"})
    void refusesOtherUnits(String from, String to) {
        assertThat(UnitConversion.factor(from, to)).isNaN();
    }
}
