package dev.bitbench.cli.doctor;

import dev.bitbench.core.doctor.CheckResult;
import dev.bitbench.core.doctor.FixtureCheck;
import dev.bitbench.core.doctor.JdkScanner;
import dev.bitbench.core.doctor.MachineChecks;
import dev.bitbench.core.energy.MachineCounters;
import dev.bitbench.core.energy.Reading;
import dev.bitbench.core.result.CiInfo;
import dev.bitbench.kernels.Backends;
import dev.bitbench.store.RunStore;
import dev.bitbench.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All checks of {@code bitbench doctor}, in the order they print. Inputs are injected: the file
 * system root that {@code /proc}, {@code /sys} and {@code /usr} resolve in, the environment, the
 * project directory (for {@code .bitbench/}), the {@code --db} flag and the Vector API class name.
 */
public final class DoctorChecks {

    private final Path root;
    private final Map<String, String> env;
    private final Path projectDir;
    private final String dbFlag;
    private final String vectorClass;

    /**
     * @param root normally {@code /}
     * @param env normally {@code System.getenv()}
     * @param projectDir the directory holding {@code .bitbench/} (normally the working directory)
     * @param dbFlag the {@code --db} option, or {@code null}
     * @param vectorClass normally {@code jdk.incubator.vector.FloatVector}; tests pass a missing one
     */
    public DoctorChecks(Path root, Map<String, String> env, Path projectDir, String dbFlag, String vectorClass) {
        this.root = root;
        this.env = Map.copyOf(env);
        this.projectDir = projectDir;
        this.dbFlag = dbFlag;
        this.vectorClass = vectorClass;
    }

    /** The checks for the real machine and the running JVM. */
    public static DoctorChecks ofThisMachine(Path projectDir, String dbFlag) {
        return new DoctorChecks(Path.of("/"), System.getenv(), projectDir, dbFlag, VectorApiProbe.FLOAT_VECTOR);
    }

    /** Runs every check; none throws. */
    public List<CheckResult> run() {
        MachineChecks machine = new MachineChecks(root, env);
        int cores = Runtime.getRuntime().availableProcessors();
        List<CheckResult> results = new ArrayList<>();
        results.add(MachineChecks.jdk(
                System.getProperty("java.version", "unknown"),
                System.getProperty("java.vm.vendor", System.getProperty("java.vendor", "unknown"))));
        results.add(MachineChecks.otherJdks(
                new JdkScanner(root, env).scan(), Path.of(System.getProperty("java.home", "."))));
        CheckResult vector = VectorApiProbe.check(vectorClass);
        results.add(vector);
        results.add(backends(vector));
        results.add(machine.cpuFeatures());
        results.add(MachineChecks.cores(cores));
        results.add(machine.memory());
        results.add(disk());
        results.add(machine.frequency());
        results.add(machine.load(cores));
        results.add(energy());
        results.add(FixtureCheck.check(projectDir.resolve(".bitbench/fixtures")));
        results.add(store());
        results.add(machine.browser());
        results.add(machine.referenceEngine());
        results.add(ci());
        return results;
    }

    private CheckResult energy() {
        MachineCounters counters = new MachineCounters(root);
        Reading<?> rapl = counters.rapl().sample();
        Reading<?> temperature = counters.temperatures().read();
        String detail = "rapl " + (rapl.available() ? "readable" : rapl.toString()) + "; temperature "
                + (temperature.available() ? temperature.toString() : "unavailable");
        if (!rapl.available()) {
            return CheckResult.warn(
                    "energy",
                    detail,
                    "optional: energy per operation needs readable /sys/class/powercap/intel-rapl*/energy_uj"
                            + " (bare metal; sudo chmod o+r on it)");
        }
        return CheckResult.ok("energy", detail);
    }

    private CheckResult backends(CheckResult vector) {
        String names = String.join(", ", Backends.NAMES);
        if (vector.status() != dev.bitbench.core.doctor.CheckStatus.OK) {
            return CheckResult.fail("backends", names + " (simd and parallel need the Vector API)", vector.hint());
        }
        return CheckResult.ok("backends", names);
    }

    private CheckResult disk() {
        Path dir = projectDir.toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            return MachineChecks.disk(dir, Files.getFileStore(dir).getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return CheckResult.warn("disk", "free space unknown at " + projectDir, "check with df -h");
        }
    }

    private CheckResult store() {
        String url = RunStore.resolveUrl(dbFlag, env);
        Path file = StoreLocation.sqliteFile(url, projectDir);
        if (file != null && !Files.exists(file)) {
            return CheckResult.warn("store", "no run history yet at " + file, "run bitbench setup (creates it)");
        }
        try (RunStore store = RunStore.open(StoreLocation.absolute(url, projectDir))) {
            return CheckResult.ok("store", store.url() + " schema " + store.schemaVersion());
        } catch (StoreException | IllegalArgumentException e) {
            return CheckResult.fail(
                    "store",
                    String.valueOf(e.getMessage()),
                    "fix --db or BITBENCH_DB (default " + RunStore.DEFAULT_URL + ")");
        }
    }

    private CheckResult ci() {
        CiEnvironment ci = CiEnvironment.decide(env, false);
        CiInfo info = ci.ci();
        if (info == null) {
            return CheckResult.ok("ci", "not in CI");
        }
        return CheckResult.ok(
                "ci",
                info.provider() + ": plain progress, no colour"
                        + (ci.stepSummary() == null ? "" : ", step summary to " + ci.stepSummary()));
    }
}
