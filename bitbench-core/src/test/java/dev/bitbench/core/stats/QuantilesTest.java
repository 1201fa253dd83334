package dev.bitbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantilesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 101, 1999, 2000, 10_000, 20_001})
    void matchesSortingOnRandomData(int length) {
        SplittableRandom random = new SplittableRandom(length);
        for (int round = 0; round < 5; round++) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = round % 2 == 0 ? random.nextDouble() : random.nextInt(7); // ties on odd rounds
            }
            check(values, 0.025, 0.975);
            check(values, 0.0, 1.0);
            check(values, 0.5, 0.5);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 10_000})
    void handlesInfinitiesAndAllEqualValues(int length) {
        double[] values = new double[length];
        Arrays.fill(values, 3.0);
        check(values, 0.025, 0.975); // every value inside both brackets: exercises the fallback
        for (int i = 0; i < length; i += 3) {
            values[i] = Double.POSITIVE_INFINITY;
        }
        values[1] = Double.NEGATIVE_INFINITY;
        check(values, 0.025, 0.975);
    }

    @ParameterizedTest
    @ValueSource(ints = {5000, 10_000})
    void sortedAndReverseSortedInputs(int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        check(values, 0.025, 0.975);
        for (int i = 0; i < length; i++) {
            values[i] = length - i;
        }
        check(values, 0.025, 0.975);
    }

    private static void check(double[] values, double pLow, double pHigh) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] got = Quantiles.lowerAndUpper(values.clone(), values.length, pLow, pHigh);
        assertThat(got[0]).isEqualTo(BootstrapCiTest.typeSeven(sorted, pLow));
        assertThat(got[1]).isEqualTo(BootstrapCiTest.typeSeven(sorted, pHigh));
    }
}
