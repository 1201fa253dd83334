package dev.bitbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    /** The 15 p-values of Benjamini & Hochberg (1995), section 4 (multiple end points of a trial). */
    private static final double[] PAPER = {
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590,
        1.000
    };

    @Test
    void paperExampleRejectsTheFourSmallestAtFivePercent() {
        // Largest i with p_(i) <= i * 0.05 / 15 is i = 4 (0.0095 <= 0.01333; 0.0201 > 0.01667, and later ones fail).
        boolean[] rejected = BenjaminiHochberg.rejected(PAPER, 0.05);
        for (int i = 0; i < PAPER.length; i++) {
            assertThat(rejected[i]).as("hypothesis %d", i + 1).isEqualTo(i < 4);
        }
    }

    @Test
    void paperExampleAdjustedValuesMatchHandComputation() {
        // adjusted_(i) = min over j >= i of 15 p_(j) / j, by hand:
        double[] expected = {
            15 * 0.0001, // 0.0015
            7.5 * 0.0004, // 0.003
            5 * 0.0019, // 0.0095
            3.75 * 0.0095, // 0.035625
            3 * 0.0201, // 0.0603
            15.0 / 7 * 0.0298, // 0.06386 (2.5 * 0.0278 = 0.0695 is larger)
            15.0 / 7 * 0.0298,
            15.0 / 8 * 0.0344, // 0.0645
            15.0 / 9 * 0.0459, // 0.0765
            1.5 * 0.3240, // 0.486
            15.0 / 11 * 0.4262,
            15.0 / 12 * 0.5719,
            15.0 / 13 * 0.6528,
            15.0 / 14 * 0.7590,
            1.0
        };
        double[] adjusted = BenjaminiHochberg.adjust(PAPER);
        for (int i = 0; i < PAPER.length; i++) {
            assertThat(adjusted[i]).as("adjusted %d", i + 1).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void adjustsInInputOrderAndSkipsNaN() {
        // non-NaN: 0.01, 0.04, 0.03 (m = 3). Sorted 0.01, 0.03, 0.04 -> 0.03, min(0.045, 0.04), 0.04.
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.04, Double.NaN, 0.01, 0.03});
        assertThat(adjusted[0]).isCloseTo(0.04, within(1e-15));
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.04, within(1e-15));
    }

    @Test
    void adjustedValuesNeverFallBelowRawOnesAndKeepTheirOrder() {
        SplittableRandom random = new SplittableRandom(11);
        double[] p = new double[500];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble() * (i % 5 == 0 ? 0.001 : 1.0);
        }
        double[] adjusted = BenjaminiHochberg.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(adjusted[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
            for (int j = 0; j < p.length; j += 37) {
                if (p[i] < p[j]) {
                    assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
                }
            }
        }
    }

    @Test
    void emptyAndAllNaNInputsGiveNaN() {
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
        assertThat(BenjaminiHochberg.adjust(new double[] {Double.NaN})[0]).isNaN();
    }

    @Test
    void rejectsOutOfRangeInputs() {
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {1.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenjaminiHochberg.rejected(new double[] {0.1}, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
