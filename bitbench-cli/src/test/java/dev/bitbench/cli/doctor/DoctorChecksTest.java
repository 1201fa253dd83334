package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.doctor.CheckResult;
import dev.bitbench.core.doctor.CheckStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorChecksTest {

    @TempDir
    Path root;

    private Map<String, CheckResult> run(Map<String, String> env, String vectorClass) {
        List<CheckResult> results =
                new DoctorChecks(root, env, root.resolve("project"), "jdbc:sqlite:h.db", vectorClass).run();
        return results.stream().collect(Collectors.toMap(CheckResult::name, Function.identity()));
    }

    @Test
    void missingVectorModuleFailsVectorAndBackendsInsteadOfCrashing() {
        Map<String, CheckResult> r = run(Map.of(), "jdk.incubator.vector.NoSuchVector");
        assertThat(r.get("vector-api").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("vector-api").hint()).contains("--add-modules jdk.incubator.vector");
        assertThat(r.get("backends").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("backends").detail()).startsWith("scalar, simd, parallel");
    }

    @Test
    void readsTheFakeRootNotTheRealMachine() throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/cpuinfo"), "flags : sse2 avx2\n");
        Files.writeString(root.resolve("proc/loadavg"), "0.00 0.00 0.00 1/1 1\n");
        Map<String, CheckResult> r = run(Map.of("GITLAB_CI", "true"), VectorApiProbe.FLOAT_VECTOR);
        assertThat(r.get("cpu-features").detail()).isEqualTo("avx2=yes avx512f=no avx512_vnni=no");
        assertThat(r.get("load").status()).isEqualTo(CheckStatus.OK);
        assertThat(r.get("memory").status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.get("ci").detail()).startsWith("gitlab-ci: plain progress, no colour");
        assertThat(r.get("vector-api").status()).isEqualTo(CheckStatus.OK);
        assertThat(r.get("energy").status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.get("energy").detail()).startsWith("rapl unavailable: no RAPL domains in ");
    }
}
