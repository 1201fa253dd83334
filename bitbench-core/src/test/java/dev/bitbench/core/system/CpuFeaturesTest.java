package dev.bitbench.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    @Test
    void readsTheFirstX86FlagsLineSortedAndUnique() {
        String cpuinfo = """
                processor\t: 0
                model name\t: Example CPU
                flags\t\t: sse2 avx2 fma avx512f avx512_vnni avx2
                processor\t: 1
                flags\t\t: sse2 something_else
                """;

        assertThat(CpuFeatures.fromProcCpuinfo(cpuinfo))
                .containsExactly("avx2", "avx512_vnni", "avx512f", "fma", "sse2");
    }

    @Test
    void readsTheArmFeaturesLine() {
        String cpuinfo = """
                processor\t: 0
                BogoMIPS\t: 50.00
                Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp asimddp
                CPU implementer\t: 0x41
                """;

        assertThat(CpuFeatures.fromProcCpuinfo(cpuinfo))
                .contains("asimd", "asimddp", "fp")
                .hasSize(12);
    }

    @Test
    void noFlagsLineGivesAnEmptyList() {
        assertThat(CpuFeatures.fromProcCpuinfo("processor\t: 0\nmodel name\t: x\n"))
                .isEmpty();
    }

    @Test
    void tokenisesOshiLinesAfterTheColon() {
        assertThat(CpuFeatures.fromLines(List.of("machdep.cpu.features: FPU VME SSE2", "AVX2")))
                .containsExactly("avx2", "fpu", "sse2", "vme");
    }
}
