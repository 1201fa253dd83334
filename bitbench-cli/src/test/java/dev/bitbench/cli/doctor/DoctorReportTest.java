package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.doctor.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

    private final DoctorReport report = new DoctorReport(List.of(
            CheckResult.ok("jdk", "17.0.15 (Debian)"),
            CheckResult.warn("load", "load 3.00", "stop | them"),
            CheckResult.fail("vector-api", "absent", "add the module")));

    @Test
    void humanLinesAlignNamesAndAppendHints() {
        assertThat(report.human())
                .isEqualTo("OK   jdk         17.0.15 (Debian)\n"
                        + "WARN load        load 3.00  -> stop | them\n"
                        + "FAIL vector-api  absent  -> add the module\n"
                        + "1 OK, 1 WARN, 1 FAIL\n");
        assertThat(report.failed()).isTrue();
    }

    @Test
    void markdownEscapesPipes() {
        assertThat(report.markdown()).contains("| WARN | load | load 3.00 | stop \\| them |");
    }

    @Test
    void noFailureWithoutFailLines() {
        assertThat(new DoctorReport(List.of(CheckResult.ok("a", "b"))).failed()).isFalse();
    }
}
