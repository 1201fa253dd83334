package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelDecisionTest {

    private static final ThresholdRule RULE = new ThresholdRule(8, 15, true);

    @ParameterizedTest(name = "r={0} ci=[{1},{2}] sig={3} -> {4}")
    @CsvSource({
        // rule 1 / 2: significant, beyond W, narrow interval
        "20, 18, 22, true, CRITICAL",
        "10, 8.5, 11.5, true, WARNING",
        "10, 7, 12, true, WARNING", // narrow (width 5 <= 8) although it grazes W
        "15, 13, 17, true, CRITICAL", // exactly at C
        // rule 1 / 2: wide interval entirely beyond W
        "60, 20, 100, true, CRITICAL",
        "12, 9, 40, true, WARNING",
        // wide interval crossing W: too noisy
        "12, -10, 40, true, INCONCLUSIVE",
        "10, -20, 35, false, INCONCLUSIVE",
        // significance is required for a flag
        "20, 18, 22, false, INCONCLUSIVE",
        // rule 3
        "-20, -22, -18, true, IMPROVEMENT",
        "-40, -80, -10, true, IMPROVEMENT",
        "-20, -22, -18, false, INCONCLUSIVE",
        // rule 4: interval inside the band
        "1, -3, 5, false, STABLE",
        "3, 1, 5, true, STABLE",
        "0, -7.9, 7.9, false, STABLE",
        // rule 5: narrow with the point estimate inside the band
        "5, 2, 9, false, STABLE",
        "-6, -9, -3, true, STABLE",
        // rule 6
        "0, -9, 9, false, INCONCLUSIVE",
        "9, 6, 12, false, INCONCLUSIVE",
    })
    void statisticalDecisionTable(double r, double lo, double hi, boolean significant, Level expected) {
        assertThat(LevelDecision.statistical(r, lo, hi, significant, RULE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "r={0} -> {1}")
    @CsvSource({
        "15, CRITICAL",
        "14.99, WARNING",
        "8, WARNING",
        "7.99, STABLE",
        "-7.99, STABLE",
        "-8, IMPROVEMENT",
        "0, STABLE"
    })
    void thresholdOnlyDecision(double r, Level expected) {
        assertThat(LevelDecision.thresholdOnly(r, RULE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "infinite regression {0}")
    @CsvSource({"Infinity, CRITICAL", "-Infinity, IMPROVEMENT"})
    void infiniteChangesFromAZeroBaseline(double r, Level expected) {
        assertThat(LevelDecision.statistical(r, r, r, true, RULE)).isEqualTo(expected);
        assertThat(LevelDecision.thresholdOnly(r, RULE)).isEqualTo(expected);
    }
}
