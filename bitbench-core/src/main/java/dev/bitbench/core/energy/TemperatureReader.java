package dev.bitbench.core.energy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temperatures in degrees Celsius from {@code /sys/class/hwmon/hwmon*\/temp*_input} (named
 * {@code <hwmon name>/<label or tempN>}) and {@code /sys/class/thermal/thermal_zone*\/temp} (named
 * {@code zone/<type>}). Sysfs reports millidegrees. Read before and after a benchmark.
 */
public final class TemperatureReader {

    private final Path hwmon;
    private final Path thermal;

    /**
     * @param hwmon normally {@code /sys/class/hwmon}
     * @param thermal normally {@code /sys/class/thermal}
     */
    public TemperatureReader(Path hwmon, Path thermal) {
        this.hwmon = hwmon;
        this.thermal = thermal;
    }

    /** Every sensor's temperature in °C, in a stable order, or why there is none. */
    public Reading<Map<String, Double>> read() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Path chip : SysfsFiles.children(hwmon, "hwmon")) {
            String chipName = SysfsFiles.text(chip.resolve("name"));
            for (Path input : SysfsFiles.children(chip, "temp")) {
                String file = input.getFileName().toString();
                if (!file.endsWith("_input")) {
                    continue;
                }
                Long milli = SysfsFiles.number(input);
                if (milli == null) {
                    continue;
                }
                String sensor = file.substring(0, file.length() - "_input".length());
                String label = SysfsFiles.text(chip.resolve(sensor + "_label"));
                out.put(
                        (chipName == null ? chip.getFileName() : chipName) + "/" + (label == null ? sensor : label),
                        milli / 1000.0);
            }
        }
        for (Path zone : SysfsFiles.children(thermal, "thermal_zone")) {
            Long milli = SysfsFiles.number(zone.resolve("temp"));
            if (milli != null) {
                String type = SysfsFiles.text(zone.resolve("type"));
                out.put("zone/" + (type == null ? zone.getFileName() : type), milli / 1000.0);
            }
        }
        return out.isEmpty()
                ? Reading.unavailable("no readable temperature sensor in " + hwmon + " or " + thermal)
                : Reading.of(out);
    }
}
