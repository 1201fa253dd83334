package dev.bitbench.cli.doctor;

import dev.bitbench.core.doctor.CheckResult;
import dev.bitbench.core.doctor.CheckStatus;
import dev.bitbench.core.doctor.FixtureCheck;
import dev.bitbench.core.doctor.JdkScanner;
import dev.bitbench.core.doctor.MachineChecks;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.store.RunStore;
import dev.bitbench.store.StoreException;
import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.inference.InferenceFixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The steps of {@code bitbench setup}, in order: JDK, build, fixtures, store, reference engine, doctor. */
final class SetupSteps {

    private SetupSteps() {}

    static List<SetupStep> all(Path project, Map<String, String> env, String dbFlag, boolean skipReference) {
        return List.of(
                new Jdk(env),
                new Build(project),
                new Fixtures(project, env),
                new Store(RunStore.resolveUrl(dbFlag, env), project),
                new Reference(env, skipReference),
                new Doctor(project, env, dbFlag));
    }

    /** The running JDK is 17+ and has the Vector API; never changes anything. */
    record Jdk(Map<String, String> env) implements SetupStep {
        public String name() {
            return "jdk";
        }

        @Override
        public boolean checkOnly() {
            return true;
        }

        public SetupStep.State inspect() {
            CheckResult jdk = MachineChecks.jdk(
                    System.getProperty("java.version", "unknown"), System.getProperty("java.vm.vendor", "unknown"));
            if (jdk.status() == CheckStatus.FAIL) {
                return SetupStep.State.failed(jdk.detail(), jdk.hint());
            }
            CheckResult vector = VectorApiProbe.check(VectorApiProbe.FLOAT_VECTOR);
            if (vector.status() == CheckStatus.FAIL) {
                return SetupStep.State.failed(vector.detail(), vector.hint());
            }
            int found = new JdkScanner(Path.of("/"), env).scan().size();
            return SetupStep.State.done(
                    jdk.detail() + ", Vector API " + VectorApiProbe.preferredBits(VectorApiProbe.FLOAT_VECTOR)
                            + " bits, " + found + " JDK(s) found for --jvm");
        }

        public String apply() {
            SetupStep.State s = inspect();
            if (s.kind() == SetupStep.Kind.FAILED) {
                throw new SetupStep.Failure(s.detail(), s.hint());
            }
            return s.detail();
        }
    }

    /** The shaded jar exists and is newer than every pom and main source; else it is built. */
    record Build(Path project) implements SetupStep {
        static final String JAR = "bitbench-cli/target/bitbench.jar";

        public String name() {
            return "build";
        }

        public SetupStep.State inspect() {
            if (!Files.isRegularFile(project.resolve("pom.xml"))
                    || !Files.isDirectory(project.resolve("bitbench-cli"))) {
                return SetupStep.State.skipped("not a BitBench source tree: using the installed tool", "");
            }
            Path jar = project.resolve(JAR);
            if (!Files.isRegularFile(jar)) {
                return SetupStep.State.todo(
                        "build " + JAR + " (./mvnw -B -q -DskipTests package -pl bitbench-cli -am)");
            }
            Optional<Path> newer = newerThan(jar);
            return newer.map(p -> SetupStep.State.todo("rebuild " + JAR + ": " + project.relativize(p) + " is newer"))
                    .orElseGet(() -> SetupStep.State.done(JAR + " is up to date"));
        }

        public String apply() {
            SetupStep.State s = inspect();
            if (s.kind() == SetupStep.Kind.SKIPPED) {
                return s.detail();
            }
            if (runningFrom(project.resolve(JAR))) {
                // Rewriting the jar this JVM loads classes from would break the rest of the run.
                if (s.kind() == SetupStep.Kind.DONE) {
                    return s.detail() + " (the running tool cannot rebuild its own jar; ./bitbench rebuilds on change)";
                }
                throw new SetupStep.Failure(
                        s.detail(),
                        "run ./bitbench setup (the launcher builds first) or ./mvnw -B package -DskipTests");
            }
            String mvnw = project.resolve("mvnw").toString();
            ProcessBuilder pb = new ProcessBuilder(
                            mvnw,
                            "-B",
                            "-q",
                            "-DskipTests",
                            "-Dspotless.check.skip=true",
                            "package",
                            "-pl",
                            "bitbench-cli",
                            "-am")
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            try {
                int exit = pb.start().waitFor();
                if (exit != 0) {
                    throw new SetupStep.Failure(
                            "the build failed (exit " + exit + ")", "run ./mvnw -B package -DskipTests to see why");
                }
            } catch (IOException e) {
                throw new SetupStep.Failure(
                        "cannot start " + mvnw + ": " + e.getMessage(),
                        "install a JDK and run from the repository root");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SetupStep.Failure("interrupted while building", "run bitbench setup again");
            }
            return "built " + JAR;
        }

        private Optional<Path> newerThan(Path jar) {
            FileTime built;
            try {
                built = Files.getLastModifiedTime(jar);
            } catch (IOException e) {
                return Optional.of(jar);
            }
            try (Stream<Path> files = Files.walk(project)) {
                return files.filter(p -> !p.toString().contains("/target/")
                                && !p.toString().contains("/.git/"))
                        .filter(p -> p.getFileName().toString().equals("pom.xml")
                                || p.toString().contains("/src/main/"))
                        .filter(Files::isRegularFile)
                        .filter(p -> {
                            try {
                                return Files.getLastModifiedTime(p).compareTo(built) > 0;
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private static boolean runningFrom(Path jar) {
            try {
                Path code = Path.of(SetupSteps.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                return Files.isRegularFile(jar) && Files.isSameFile(code, jar);
            } catch (URISyntaxException | IOException | RuntimeException e) {
                return false;
            }
        }
    }

    /**
     * The model fixtures {@code tiny} (the smoke profile's) and {@code small} (quick's and
     * standard's) for the run seed ({@code BITBENCH_SEED}, else 42) in the benchmarks' fixture
     * directory ({@code BITBENCH_FIXTURES}, else {@code .bitbench/fixtures}), so that a first {@code
     * run} does not generate them inside a fork: reused when the manifest records them with that seed
     * and shape and the files still match, else generated; then every file of the manifest is
     * verified. {@code medium} (1.2 GB) is left to {@code run --profile thorough} or {@code bitbench
     * fixtures generate --size medium}.
     */
    record Fixtures(Path project, Map<String, String> env) implements SetupStep {
        static final List<FixtureShape> SHAPES = List.of(FixtureShape.TINY, FixtureShape.SMALL);

        public String name() {
            return "fixtures";
        }

        Path dir() {
            return project.resolve(InferenceFixtures.dir(env));
        }

        long seed() {
            String value = env.get("BITBENCH_SEED");
            try {
                return value == null || value.isBlank() ? SeededInputs.DEFAULT_SEED : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new SetupStep.Failure(
                        "BITBENCH_SEED is not an integer: '" + value + "'", "set BITBENCH_SEED to a whole number");
            }
        }

        public SetupStep.State inspect() {
            try {
                seed();
            } catch (SetupStep.Failure f) {
                return SetupStep.State.failed(f.getMessage(), f.hint());
            }
            if (Files.isRegularFile(dir().resolve("manifest.json"))) {
                CheckResult r = FixtureCheck.check(dir());
                if (r.status() == CheckStatus.FAIL) {
                    return SetupStep.State.failed(r.detail(), r.hint());
                }
            }
            List<String> missing;
            try {
                missing = missing();
            } catch (IOException e) {
                return SetupStep.State.failed(
                        "cannot read the fixtures in " + dir() + ": " + e.getMessage(),
                        "delete " + dir() + " and run bitbench setup again");
            }
            if (!missing.isEmpty()) {
                return SetupStep.State.todo("generate the " + String.join(" and ", missing) + " model fixture(s) (seed "
                        + seed() + ") in " + dir());
            }
            return SetupStep.State.done(FixtureCheck.check(dir()).detail());
        }

        public String apply() {
            try {
                List<String> generated = missing();
                for (FixtureShape shape : SHAPES) {
                    InferenceFixtures.reuseOrGenerate(dir(), shape, seed(), bytes -> {});
                }
                CheckResult r = FixtureCheck.check(dir());
                if (r.status() == CheckStatus.FAIL) {
                    throw new SetupStep.Failure(r.detail(), r.hint());
                }
                return generated.isEmpty()
                        ? "reused " + names(SHAPES) + ", " + r.detail()
                        : "generated " + String.join(", ", generated) + ", " + r.detail();
            } catch (IOException e) {
                throw new SetupStep.Failure(
                        "cannot write fixtures to " + dir() + ": " + e.getMessage(),
                        "check the directory is writable and the disk has space");
            }
        }

        /** The files of {@link #SHAPES} that are missing or stale, by file name. */
        private List<String> missing() throws IOException {
            List<String> out = new java.util.ArrayList<>();
            for (FixtureShape shape : SHAPES) {
                if (!InferenceFixtures.isCurrent(dir(), shape, seed())) {
                    out.add(InferenceFixtures.file(dir(), shape).getFileName().toString());
                }
            }
            return out;
        }

        private static String names(List<FixtureShape> shapes) {
            return String.join(" and ", shapes.stream().map(FixtureShape::name).toList());
        }
    }

    /** The run history exists and is migrated. */
    record Store(String url, Path project) implements SetupStep {
        public String name() {
            return "store";
        }

        public SetupStep.State inspect() {
            Path file = StoreLocation.sqliteFile(url, project);
            if (file == null) {
                return SetupStep.State.todo("open and migrate " + url.replaceAll("password=[^&]*", "password=***"));
            }
            return Files.exists(file)
                    ? SetupStep.State.done("run history exists at " + file)
                    : SetupStep.State.todo("create the run history at " + file);
        }

        public String apply() {
            try (RunStore store = RunStore.open(StoreLocation.absolute(url, project))) {
                return "run history ready at " + store.url() + " (schema " + store.schemaVersion() + ")";
            } catch (StoreException | IllegalArgumentException e) {
                throw new SetupStep.Failure(
                        String.valueOf(e.getMessage()),
                        "correct --db or BITBENCH_DB (default " + RunStore.DEFAULT_URL + ")");
            }
        }
    }

    /** The optional llama.cpp build for cross-validation: checked, never downloaded. */
    record Reference(Map<String, String> env, boolean skip) implements SetupStep {
        public String name() {
            return "reference";
        }

        public SetupStep.State inspect() {
            if (skip) {
                return SetupStep.State.skipped("skipped (--skip-reference)", "");
            }
            CheckResult r = new MachineChecks(Path.of("/"), env).referenceEngine();
            return r.status() == CheckStatus.OK
                    ? SetupStep.State.done("llama.cpp at " + r.detail())
                    : SetupStep.State.skipped(r.detail(), r.hint());
        }

        public String apply() {
            return inspect().detail();
        }
    }

    /** Runs the doctor's checks (read-only); a FAIL stops setup. */
    record Doctor(Path project, Map<String, String> env, String dbFlag) implements SetupStep {
        public String name() {
            return "doctor";
        }

        @Override
        public boolean checkOnly() {
            return true;
        }

        public SetupStep.State inspect() {
            DoctorReport report = new DoctorReport(
                    new DoctorChecks(Path.of("/"), env, project, dbFlag, VectorApiProbe.FLOAT_VECTOR).run());
            if (report.failed()) {
                CheckResult first = report.checks().stream()
                        .filter(c -> c.status() == CheckStatus.FAIL)
                        .findFirst()
                        .orElseThrow();
                return SetupStep.State.failed(
                        report.totals() + "; " + first.name() + ": " + first.detail(), first.hint());
            }
            return SetupStep.State.done(report.totals() + " (bitbench doctor shows each)");
        }

        public String apply() {
            SetupStep.State s = inspect();
            if (s.kind() == SetupStep.Kind.FAILED) {
                throw new SetupStep.Failure(s.detail(), s.hint());
            }
            return s.detail();
        }
    }
}
