package dev.bitbench.cli.crossval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenAgreementTest {
    private static float[][] logits(int steps, int vocab) {
        float[][] out = new float[steps][vocab];
        for (int s = 0; s < steps; s++) {
            for (int v = 0; v < vocab; v++) {
                out[s][v] = v * 0.5f + s; // top-1 is the last id, top-2 the one before: margin 0.5
            }
        }
        return out;
    }

    @Test
    void identicalSequencesAgreeEverywhere() {
        int[] java = {5, 6, 7};
        TokenAgreement a = TokenAgreement.compare(java, logits(3, 8), java.clone(), java.clone(), 0.25);
        assertThat(a.forcedRate()).isEqualTo(1.0);
        assertThat(a.freeRunRate()).isEqualTo(1.0);
        assertThat(a.firstDivergence()).isEqualTo(-1);
        assertThat(a.firstForcedMismatch()).isEqualTo(-1);
        assertThat(a.marginAtDivergence()).isNull();
    }

    @Test
    void reportsFirstDivergenceAndTheJavaMarginAgainstTheReferenceChoice() {
        int[] java = {7, 7, 7, 7};
        int[] free = {7, 7, 3, 1};
        int[] forced = {7, 7, 3, 7};
        TokenAgreement a = TokenAgreement.compare(java, logits(4, 8), free, forced, 0.25);
        assertThat(a.firstDivergence()).isEqualTo(2);
        assertThat(a.freeRunMatches()).isEqualTo(2);
        assertThat(a.marginAtDivergence()).isEqualTo(2.0); // logit 3.5 - logit 1.5
        assertThat(a.forcedMatches()).isEqualTo(3);
        assertThat(a.forcedRate()).isEqualTo(0.75);
        assertThat(a.firstForcedMismatch()).isEqualTo(2);
    }

    @Test
    void unknownReferenceTokensCountAsMismatchesAndUseTheTopTwoMargin() {
        int[] java = {7, 7};
        TokenAgreement a = TokenAgreement.compare(java, logits(2, 8), new int[] {-1, 7}, new int[] {-1, 7}, 0.25);
        assertThat(a.unknown()).isEqualTo(1);
        assertThat(a.forcedMatches()).isEqualTo(1);
        assertThat(a.marginAtForcedMismatch()).isEqualTo(0.5);
    }

    @Test
    void aShorterReferenceRunCountsItsMissingStepsAsMismatches() {
        TokenAgreement a =
                TokenAgreement.compare(new int[] {1, 2, 3}, logits(3, 4), new int[] {1}, new int[] {1, 2, 3}, 0.25);
        assertThat(a.freeRunMatches()).isEqualTo(1);
        assertThat(a.firstDivergence()).isEqualTo(1);
        assertThat(a.forcedRate()).isEqualTo(1.0);
    }

    @Test
    void mismatchesWithinTheTieToleranceCountAsNearTiesAndLargerOnesDoNot() {
        int[] java = {7, 7, 7, 7};
        // margins: step 1 against id 6 is 0.5, step 2 against id 2 is 2.5, step 3 unknown
        int[] forced = {7, 6, 2, -1};
        TokenAgreement a = TokenAgreement.compare(java, logits(4, 8), forced.clone(), forced, 0.5);
        assertThat(a.forcedMatches()).isEqualTo(1);
        assertThat(a.forcedNearTies()).isEqualTo(1);
        assertThat(a.largestForcedMargin()).isEqualTo(2.5);
        assertThat(a.forcedRateUpToTies()).isEqualTo(0.5);

        TokenAgreement strict = TokenAgreement.compare(java, logits(4, 8), forced.clone(), forced, 0.49);
        assertThat(strict.forcedNearTies()).isZero();
        assertThat(strict.forcedRateUpToTies()).isEqualTo(0.25);
    }

    @Test
    void aNegativeTieToleranceIsRejected() {
        assertThatThrownBy(() -> TokenAgreement.compare(new int[1], new float[1][1], new int[1], new int[1], -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tie tolerance");
    }

    @Test
    void mismatchedStepCountsAreRejected() {
        assertThatThrownBy(() -> TokenAgreement.compare(new int[2], new float[3][1], new int[0], new int[0], 0.25))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
