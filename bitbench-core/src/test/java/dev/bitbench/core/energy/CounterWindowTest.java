package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiler's per-iteration readings against a fake root whose counters the test moves. */
class CounterWindowTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path root;

    @Test
    void energyAcrossAWrappedCounterIsJoulesPerOperationWattsAndOperationsPerJoule() throws IOException {
        rapl("intel-rapl:0", "package-0", 262_143_000_000L, 262_143_328_850L);
        rapl("intel-rapl:1", "dram", 1_000_000L, 65_712_999_613L);
        CounterWindow window = new CounterWindow(new MachineCounters(root), false);
        window.beginIteration(0);
        // package wraps: (262143328850 - 262143000000) + 671150 = 1 J; dram: 2.5 J; 3.5 J in total
        rapl("intel-rapl:0", "package-0", 671_150L, 262_143_328_850L);
        rapl("intel-rapl:1", "dram", 3_500_000L, 65_712_999_613L);

        Map<ProfiledMetric, Double> values = window.endIteration(700, 2 * SECOND);

        assertThat(values.get(ProfiledMetric.ENERGY)).isCloseTo(3.5 / 700, within(1e-12));
        assertThat(values.get(ProfiledMetric.POWER)).isCloseTo(1.75, within(1e-12));
        assertThat(values.get(ProfiledMetric.OPS_PER_JOULE)).isCloseTo(200, within(1e-9));
    }

    @Test
    void aCounterThatDidNotMoveGivesNoEnergyRatherThanZero() throws IOException {
        rapl("intel-rapl:0", "package-0", 5_000_000L, 262_143_328_850L);
        CounterWindow window = new CounterWindow(new MachineCounters(root), false);
        window.beginIteration(0);

        assertThat(window.endIteration(100, SECOND))
                .doesNotContainKeys(ProfiledMetric.ENERGY, ProfiledMetric.POWER, ProfiledMetric.OPS_PER_JOULE);
    }

    @Test
    void temperatureIsTheHottestSensorAndFrequencyRatioTheSlowestCpu() throws IOException {
        write("sys/class/hwmon/hwmon0/name", "coretemp");
        write("sys/class/hwmon/hwmon0/temp1_input", "61000");
        write("sys/class/thermal/thermal_zone0/type", "acpitz");
        write("sys/class/thermal/thermal_zone0/temp", "48500");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "2900000");
        write("sys/devices/system/cpu/cpu0/cpufreq/base_frequency", "2900000");
        write("sys/devices/system/cpu/cpu1/cpufreq/scaling_cur_freq", "1450000");
        write("sys/devices/system/cpu/cpu1/cpufreq/base_frequency", "2900000");
        CounterWindow window = new CounterWindow(new MachineCounters(root), false);
        window.beginIteration(0);

        Map<ProfiledMetric, Double> values = window.endIteration(1, SECOND);

        assertThat(values.get(ProfiledMetric.TEMPERATURE)).isEqualTo(61.0);
        assertThat(values.get(ProfiledMetric.CPU_FREQ_RATIO)).isEqualTo(0.5);
    }

    @Test
    void batteryDrainCoversTheBenchmarkFromItsFirstIteration() throws IOException {
        battery("Discharging", 50_000_000L);
        CounterWindow window = new CounterWindow(new MachineCounters(root), false);
        window.beginIteration(0);
        window.endIteration(1, 1800 * SECOND);
        window.beginIteration(1800 * SECOND);
        battery("Discharging", 40_000_000L); // 10 Wh in one hour since the first iteration began

        assertThat(window.endIteration(1, 3600 * SECOND).get(ProfiledMetric.BATTERY_DRAIN))
                .isCloseTo(10.0, within(1e-9));
    }

    @Test
    void onMainsPowerThereIsNoBatteryDrainAndTheReasonSaysSo() throws IOException {
        battery("Charging", 50_000_000L);
        CounterWindow window = new CounterWindow(new MachineCounters(root), false);
        window.beginIteration(0);

        assertThat(window.endIteration(1, SECOND)).doesNotContainKey(ProfiledMetric.BATTERY_DRAIN);
        assertThat(CounterWindow.unavailable(new MachineCounters(root), false).get("battery_drain"))
                .isEqualTo("on mains power (BAT0 is not discharging)");
    }

    @Test
    void peakRssIsVmHwmAfterResettingItThroughClearRefs() throws IOException {
        write("proc/self/status", "Name:\tjava\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n");
        write("proc/self/clear_refs", "");
        CounterWindow window = new CounterWindow(new MachineCounters(root), true);
        window.beginIteration(0);

        assertThat(Files.readString(root.resolve("proc/self/clear_refs"))).isEqualTo("5");
        assertThat(window.endIteration(1, SECOND).get(ProfiledMetric.PEAK_RSS)).isEqualTo(2048.0 * 1024);
    }

    @Test
    void inASharedJvmWithoutTheResetPeakRssIsAbsentWithItsReason() throws IOException {
        write("proc/self/status", "VmHWM:\t  2048 kB\n");
        CounterWindow shared = new CounterWindow(new MachineCounters(root), true);
        shared.beginIteration(0);
        CounterWindow ownFork = new CounterWindow(new MachineCounters(root), false);
        ownFork.beginIteration(0);

        assertThat(shared.endIteration(1, SECOND)).doesNotContainKey(ProfiledMetric.PEAK_RSS);
        assertThat(ownFork.endIteration(1, SECOND)).containsEntry(ProfiledMetric.PEAK_RSS, 2048.0 * 1024);
        assertThat(CounterWindow.unavailable(new MachineCounters(root), true).get("peak_rss"))
                .contains("clear_refs is not writable");
        assertThat(CounterWindow.unavailable(new MachineCounters(root), false)).doesNotContainKey("peak_rss");
    }

    @Test
    void anEmptyMachineGivesNoValuesAndOneReasonPerMetricGroup() {
        CounterWindow window = new CounterWindow(new MachineCounters(root), false);
        window.beginIteration(0);

        assertThat(window.endIteration(1000, SECOND)).isEmpty();
        Map<String, String> reasons = CounterWindow.unavailable(new MachineCounters(root), false);
        assertThat(reasons).containsOnlyKeys("peak_rss", "energy", "temperature", "cpu_freq_ratio", "battery_drain");
        assertThat(reasons.get("energy")).startsWith("no RAPL domains in " + root.resolve("sys/class/powercap"));
    }

    @Test
    void endingBeforeBeginningIsAnError() {
        assertThatThrownBy(() -> new CounterWindow(new MachineCounters(root), false).endIteration(1, 1))
                .isInstanceOf(IllegalStateException.class);
    }

    private void rapl(String dir, String name, long energy, long max) throws IOException {
        write("sys/class/powercap/" + dir + "/name", name);
        write("sys/class/powercap/" + dir + "/energy_uj", Long.toString(energy));
        write("sys/class/powercap/" + dir + "/max_energy_range_uj", Long.toString(max));
    }

    private void battery(String status, long energyMicrowattHours) throws IOException {
        write("sys/class/power_supply/BAT0/type", "Battery");
        write("sys/class/power_supply/BAT0/status", status);
        write("sys/class/power_supply/BAT0/energy_now", Long.toString(energyMicrowattHours));
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + (content.isEmpty() || content.endsWith("\n") ? "" : "\n"));
    }
}
