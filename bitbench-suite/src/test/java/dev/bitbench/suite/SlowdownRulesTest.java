package dev.bitbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlowdownRulesTest {

    @Test
    void unsetOrBlankMeansNoRule() {
        assertThat(SlowdownRules.parse(null).isEmpty()).isTrue();
        assertThat(SlowdownRules.parse("  ").isEmpty()).isTrue();
        assertThat(SlowdownRules.parse(" , ").isEmpty()).isTrue();
    }

    @Test
    void anExactIdGetsItsPercentAndNoOtherBenchmarkDoes() {
        SlowdownRules rules = SlowdownRules.parse("kernels.add/simd/f32/65536:20");

        assertThat(rules.percentFor("kernels.add/simd/f32/65536")).isEqualTo(20.0);
        assertThat(rules.percentFor("kernels.add/simd/f32/4096")).isZero();
        assertThat(rules.percentFor("kernels.add/scalar/f32/65536")).isZero();
    }

    @Test
    void aRegexMustMatchTheWholeIdNotJustAPart() {
        SlowdownRules rules = SlowdownRules.parse("transformer\\.layer/simd/ternary/512/batch1:7.5");

        assertThat(rules.percentFor("transformer.layer/simd/ternary/512/batch1"))
                .isEqualTo(7.5);
        // a find() would also slow batch16 down
        assertThat(rules.percentFor("transformer.layer/simd/ternary/512/batch16"))
                .isZero();
        assertThat(SlowdownRules.parse("kernels\\.sum/.*:5").percentFor("kernels.sum/scalar/f32/4096"))
                .isEqualTo(5.0);
    }

    @Test
    void aListIsReadInOrderAndTheFirstApplicableRuleWins() {
        SlowdownRules rules = SlowdownRules.parse(" kernels.sum/simd/f32/4096:3 , kernels\\..*:10,quant\\..*:1e1");

        assertThat(rules.rules()).extracting(SlowdownRules.Rule::percent).containsExactly(3.0, 10.0, 10.0);
        assertThat(rules.percentFor("kernels.sum/simd/f32/4096")).isEqualTo(3.0);
        assertThat(rules.percentFor("kernels.sum/simd/f32/65536")).isEqualTo(10.0);
        assertThat(rules.percentFor("quant.quantize/scalar/ternary/256x256/tensor"))
                .isEqualTo(10.0);
        assertThat(rules.percentFor("peers.add/ejml/f32/4096")).isZero();
    }

    @Test
    void aSelectorMayContainColonsBecauseThePercentFollowsTheLastOne() {
        SlowdownRules rules = SlowdownRules.parse("(?:kernels)\\.add/.*:15");

        assertThat(rules.percentFor("kernels.add/parallel/f32/4096")).isEqualTo(15.0);
    }

    @Test
    void rejectsAnEntryWithoutPercentNamingIt() {
        assertThatThrownBy(() -> SlowdownRules.parse("kernels.add/simd/f32/4096:5,kernels.sum"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kernels.sum'")
                .hasMessageContaining("<percent>");
    }

    @Test
    void rejectsAPercentThatIsNotANumberOrOutOfRange() {
        assertThatThrownBy(() -> SlowdownRules.parse("kernels.add:abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> SlowdownRules.parse("kernels.add:0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a percent");
        assertThatThrownBy(() -> SlowdownRules.parse("kernels.add:-5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a percent");
        assertThatThrownBy(() -> SlowdownRules.parse("kernels.add:NaN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a percent");
        assertThatThrownBy(() -> SlowdownRules.parse(":5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsASelectorThatIsNotARegularExpression() {
        assertThatThrownBy(() -> SlowdownRules.parse("kernels.add/(simd:5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a regular expression");
    }
}
