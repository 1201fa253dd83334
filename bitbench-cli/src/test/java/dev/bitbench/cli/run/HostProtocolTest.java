package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostProtocolTest {
    @Test
    void endLinesCarryMultiLineErrorsIntact() {
        String line = HostProtocol.end(7, "failed", "java.lang.X: a \\ b\nsecond line");
        assertThat(line).doesNotContain("\n");
        HostProtocol.Message m = HostProtocol.parse(line).orElseThrow();
        assertThat(m.kind()).isEqualTo("end");
        assertThat(m.first()).isEqualTo("7");
        assertThat(m.second()).isEqualTo("failed");
        assertThat(m.rest()).isEqualTo("java.lang.X: a \\ b\nsecond line");
    }

    @Test
    void infoValuesMayContainSpaces() {
        HostProtocol.Message m = HostProtocol.parse(HostProtocol.info("openblas.config", "OpenBLAS 0.3 DYNAMIC_ARCH"))
                .orElseThrow();
        assertThat(m.first()).isEqualTo("openblas.config");
        assertThat(m.second()).isEqualTo("OpenBLAS 0.3 DYNAMIC_ARCH");
    }

    @Test
    void otherOutputIsNotAProtocolLine() {
        assertThat(HostProtocol.parse("# JMH version: 1.37")).isEmpty();
        assertThat(HostProtocol.parse(HostProtocol.start(3)).orElseThrow().first())
                .isEqualTo("3");
    }

    @Test
    void findsTheBenchmarksOwnExceptionInJmhsLog() {
        String log = "# Benchmark: x\n<failure>\n\njava.lang.UnsupportedOperationException: simd.add: not yet"
                + " implemented\n\tat dev.bitbench.kernels.SimdVectorOps.add(SimdVectorOps.java:6)\n";
        assertThat(ForkHost.firstException(log))
                .contains("java.lang.UnsupportedOperationException: simd.add: not yet implemented");
        assertThat(ForkHost.firstException("all fine\n")).isEmpty();
    }
}
