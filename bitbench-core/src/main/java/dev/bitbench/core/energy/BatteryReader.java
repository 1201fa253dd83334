package dev.bitbench.core.energy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The battery in {@code /sys/class/power_supply}: whether the machine runs on it and its remaining
 * energy, from {@code energy_now} (µWh) or {@code charge_now} (µAh) × {@code voltage_now} (µV).
 * Read before and after a run; {@link #drainWattHoursPerHour} gives the drain rate.
 */
public final class BatteryReader {

    /**
     * @param name the supply directory, e.g. {@code BAT0}
     * @param discharging {@code status} is {@code Discharging} (on battery)
     * @param energyMicrowattHours remaining energy, µWh
     */
    public record Battery(String name, boolean discharging, long energyMicrowattHours) {}

    private final Path powerSupply;

    /** @param powerSupply normally {@code /sys/class/power_supply} */
    public BatteryReader(Path powerSupply) {
        this.powerSupply = powerSupply;
    }

    /** The first battery, or why there is none. */
    public Reading<Battery> read() {
        for (Path supply : SysfsFiles.children(powerSupply, "")) {
            if (!"Battery".equals(SysfsFiles.text(supply.resolve("type")))) {
                continue;
            }
            Long energy = SysfsFiles.number(supply.resolve("energy_now"));
            if (energy == null) {
                Long charge = SysfsFiles.number(supply.resolve("charge_now"));
                Long voltage = SysfsFiles.number(supply.resolve("voltage_now"));
                if (charge == null || voltage == null) {
                    return Reading.unavailable(supply + " has neither energy_now nor charge_now and voltage_now");
                }
                energy = Math.round(charge * (voltage / 1e6));
            }
            boolean discharging = "Discharging".equals(SysfsFiles.text(supply.resolve("status")));
            return Reading.of(new Battery(supply.getFileName().toString(), discharging, energy));
        }
        return Reading.unavailable("no battery in " + powerSupply);
    }

    /**
     * Watt-hours drained per hour (= average watts) between two readings.
     *
     * @throws IllegalArgumentException when {@code elapsed} is not positive
     */
    public static double drainWattHoursPerHour(Battery before, Battery after, Duration elapsed) {
        if (elapsed.isZero() || elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must be positive, was " + elapsed);
        }
        double wh = (before.energyMicrowattHours() - after.energyMicrowattHours()) / 1e6;
        return wh / (elapsed.toNanos() / 3.6e12);
    }
}
