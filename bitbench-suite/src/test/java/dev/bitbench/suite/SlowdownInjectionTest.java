package dev.bitbench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.suite.kernels.AddBenchmark;
import dev.bitbench.suite.kernels.MatmulBenchmark;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;

class SlowdownInjectionTest {

    @Test
    void isOffInAJvmWithoutTheSetting() {
        // surefire sets neither the property nor the variable
        assertThat(SlowdownInjection.ENABLED).isFalse();
        assertThat(SlowdownInjection.start(50.0)).isZero();
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndBlankCountsAsUnset() {
        assertThat(SlowdownInjection.setting("a:1", "b:2")).isEqualTo("a:1");
        assertThat(SlowdownInjection.setting(" ", "b:2")).isEqualTo("b:2");
        assertThat(SlowdownInjection.setting(null, "")).isNull();
    }

    @Test
    void findsTheSlowdownThroughTheBenchmarksCatalogId() {
        SlowdownRules rules = SlowdownRules.parse("kernels.add/simd/f32/65536:20,kernels\\.gemv/.*/f16/.*:5");

        assertThat(SlowdownInjection.percentFor(
                        rules, AddBenchmark.class.getName() + ".add", Map.of("backend", "simd", "size", "65536")))
                .isEqualTo(20.0);
        assertThat(SlowdownInjection.percentFor(
                        rules, AddBenchmark.class.getName() + ".add", Map.of("backend", "simd", "size", "4096")))
                .isZero();
        // JMH names a nested state class with a dot
        assertThat(SlowdownInjection.percentFor(
                        rules,
                        MatmulBenchmark.class.getName() + ".Gemv.gemv",
                        Map.of("backend", "scalar", "dtype", "f16", "size", "1024")))
                .isEqualTo(5.0);
        assertThat(SlowdownInjection.percentFor(
                        SlowdownRules.NONE, AddBenchmark.class.getName() + ".add", Map.of("backend", "simd")))
                .isZero();
    }

    @Test
    void extendsTheMeasuredBodyByAtLeastThePercentOfItsOwnTime() {
        SplittableRandom random = new SplittableRandom(7);
        for (double percent : new double[] {3.0, 20.0, 50.0, 100.0}) {
            long t0 = System.nanoTime();
            double sink = 0;
            for (int i = 0; i < 200_000; i++) {
                sink += Math.sqrt(random.nextDouble());
            }
            long inside = System.nanoTime() - t0;
            long body = SlowdownInjection.extend(t0, percent);
            long total = System.nanoTime() - t0;

            assertThat(sink).isPositive();
            // extend() reads the clock after `inside` was taken, so it saw at least that much body
            assertThat(body).isGreaterThanOrEqualTo(inside);
            // it spins until body * (1 + percent / 100) has passed: true by construction, no upper bound
            assertThat(total).as("percent %s", percent).isGreaterThanOrEqualTo(body + (long) (body * percent / 100.0));
            assertThat((double) total).isGreaterThanOrEqualTo(inside * (1.0 + percent / 100.0) - 1.0);
        }
    }

    @Test
    void everyKernelQuantBitlinearAndInferenceBenchmarkExtendsTheSlowdownHook() throws Exception {
        List<String> wired = new ArrayList<>();
        ClassLoader loader = getClass().getClassLoader();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(loader.getResourceAsStream("META-INF/BenchmarkList"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                BenchmarkListEntry entry = new BenchmarkListEntry(line);
                String name = entry.getUsername();
                if (!name.matches("dev\\.bitbench\\.suite\\.(kernels|quant|bitlinear|inference)\\..*")) {
                    continue;
                }
                Class<?> state = load(entry.getUserClassQName(), loader);
                assertThat(SlowdownHook.class.isAssignableFrom(state))
                        .as(name + " extends SlowdownHook")
                        .isTrue();
                wired.add(name);
            }
        }
        // 17 kernels, 2 quant, 2 packed, 1 bitlinear, 1 transformer, 4 inference benchmark methods
        assertThat(wired).hasSize(27);
    }

    /** A class by its JMH name, in which a nested class is joined with a dot. */
    private static Class<?> load(String name, ClassLoader loader) throws ClassNotFoundException {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            int dot = name.lastIndexOf('.');
            return Class.forName(name.substring(0, dot) + '$' + name.substring(dot + 1), false, loader);
        }
    }
}
