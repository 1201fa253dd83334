package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineRatiosTest {

    /**
     * A row as the runner writes it: id {@code group.op/backend/tq2_0/shape}, params model, prompt
     * (prefill) and shape, time in ms/op and throughput in tokens/s from the same samples.
     */
    static BenchmarkResult row(String group, String op, String backend, String model, int prompt, double tokensPerS) {
        String shape = op.equals("prefill") ? model + "/prompt" + prompt : model;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", model);
        params.put("prompt", Integer.toString(prompt));
        params.put("shape", shape);
        int tokens = op.equals("prefill") ? prompt : 1;
        double ms = 1e3 * tokens / tokensPerS;
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of("ms/op", Direction.LOWER, ms * 0.99, ms, ms * 1.01));
        metrics.put(
                "throughput",
                Metric.of("tokens/s", Direction.HIGHER, tokensPerS / 1.01, tokensPerS, tokensPerS / 0.99));
        return new BenchmarkResult(
                group + "." + op + "/" + backend + "/tq2_0/" + shape,
                group,
                op,
                backend,
                "tq2_0",
                params,
                BenchmarkStatus.OK,
                null,
                metrics);
    }

    static RunResult run(List<BenchmarkResult> rows) {
        List<BenchmarkResult> all = new ArrayList<>(rows);
        all.add(ReportFixtures.kernel("matmul", "simd", "64x64", 1, 0.01, 1));
        return new RunResult(ReportFixtures.info("engine", all.size()), ReportFixtures.system(), all);
    }

    /** Java 100 and 180 tok/s decode, llama.cpp 250 (1 thread) and 400 (all threads). */
    static RunResult decodeAndPrefill() {
        return run(List.of(
                row("inference", "decode", "simd", "small", 128, 100),
                row("inference", "decode", "parallel", "small", 128, 180),
                row("peers", "decode", "llama-cpp-1t", "small", 64, 250),
                row("peers", "decode", "llama-cpp", "small", 64, 400),
                row("inference", "prefill", "simd", "small", 128, 600),
                row("peers", "prefill", "llama-cpp-1t", "small", 64, 300),
                row("inference", "decode", "simd", "tiny", 128, 9000)));
    }

    @Test
    void decodePairsByModelAndThreadCountWithTheKnownRatio() {
        List<EngineRatios.EngineRatio> ratios = EngineRatios.of(decodeAndPrefill());

        assertThat(ratios)
                .filteredOn(r -> r.op().equals("decode"))
                .extracting(
                        EngineRatios.EngineRatio::model,
                        EngineRatios.EngineRatio::backend,
                        EngineRatios.EngineRatio::peer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("small", "parallel", "llama-cpp"),
                        org.assertj.core.groups.Tuple.tuple("small", "simd", "llama-cpp-1t"));
        EngineRatios.EngineRatio simd = ratios.stream()
                .filter(r -> r.op().equals("decode") && r.backend().equals("simd"))
                .findFirst()
                .orElseThrow();
        assertThat(simd.ratio()).isCloseTo(100.0 / 250, within(1e-9));
        assertThat(simd.tokensPerSecond()).isCloseTo(100, within(1e-9));
        assertThat(simd.promptLabel()).isEmpty();
        EngineRatios.EngineRatio parallel = ratios.stream()
                .filter(r -> r.op().equals("decode") && r.backend().equals("parallel"))
                .findFirst()
                .orElseThrow();
        assertThat(parallel.ratio()).isCloseTo(180.0 / 400, within(1e-9));
    }

    @Test
    void aModelWithoutALlamaCppRowHasNoRatio() {
        assertThat(EngineRatios.of(decodeAndPrefill())).noneMatch(r -> r.model().equals("tiny"));
    }

    @Test
    void prefillOfDifferentPromptLengthsIsPairedAndSaysBothLengths() {
        EngineRatios.EngineRatio prefill = EngineRatios.of(decodeAndPrefill()).stream()
                .filter(r -> r.op().equals("prefill"))
                .findFirst()
                .orElseThrow();
        assertThat(prefill.ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(prefill.samePrompt()).isFalse();
        assertThat(prefill.promptLabel()).isEqualTo("128 (llama.cpp 64)");
    }

    @Test
    void prefillPrefersThePeerRowOfTheSamePromptLength() {
        List<EngineRatios.EngineRatio> ratios = EngineRatios.of(run(List.of(
                row("inference", "prefill", "simd", "small", 128, 600),
                row("peers", "prefill", "llama-cpp-1t", "small", 64, 300),
                row("peers", "prefill", "llama-cpp-1t", "small", 128, 400))));
        assertThat(ratios).singleElement().satisfies(r -> {
            assertThat(r.peerPrompt()).isEqualTo(128);
            assertThat(r.ratio()).isCloseTo(1.5, within(1e-9));
            assertThat(r.promptLabel()).isEqualTo("128");
        });
    }

    @Test
    void withoutThroughputTokensPerSecondComeFromTheMedianTime() {
        BenchmarkResult java = row("inference", "prefill", "simd", "small", 64, 640);
        BenchmarkResult timeOnly = new BenchmarkResult(
                java.id(),
                java.group(),
                java.op(),
                java.backend(),
                java.dtype(),
                Map.of("shape", "small/prompt64"),
                BenchmarkStatus.OK,
                null,
                Map.of("time", java.metrics().get("time")));
        List<EngineRatios.EngineRatio> ratios =
                EngineRatios.of(run(List.of(timeOnly, row("peers", "prefill", "llama-cpp-1t", "small", 64, 320))));
        // 64 tokens in 100 ms: 640 tokens/s, twice llama.cpp's 320
        assertThat(ratios).singleElement().satisfies(r -> {
            assertThat(r.tokensPerSecond()).isCloseTo(640, within(1e-6));
            assertThat(r.ratio()).isCloseTo(2.0, within(1e-9));
            assertThat(r.model()).isEqualTo("small");
        });
    }

    @Test
    void aSkippedLlamaCppRowGivesNoRatio() {
        BenchmarkResult skipped = BenchmarkResult.notMeasured(
                "peers.decode/llama-cpp-1t/tq2_0/small",
                "peers",
                "decode",
                "llama-cpp-1t",
                "tq2_0",
                Map.of("model", "small", "shape", "small"),
                BenchmarkStatus.SKIPPED,
                "java-llama.cpp cannot load here");
        assertThat(EngineRatios.of(run(List.of(row("inference", "decode", "simd", "small", 128, 100), skipped))))
                .isEmpty();
    }

    @Test
    void llamaCppRowsStayOutOfTheF32PeerTable() {
        assertThat(new RunDigest(decodeAndPrefill()).peerRatios()).isEmpty();
    }

    @Test
    void markdownJsonAndRecommendationsShowTheRatios() throws Exception {
        ReportInput input = ReportInput.of(decodeAndPrefill());

        String md = new MarkdownReportFormat().format(input);
        assertThat(md)
                .contains("## Java engine ÷ llama.cpp")
                .contains("| decode | small |  | simd | 100.0 | llama-cpp-1t | 250.0 | 0.40x |")
                .contains("| prefill | small | 128 (llama.cpp 64) | simd | 600.0 | llama-cpp-1t | 300.0 | 2.00x |");

        JsonNode json = new ObjectMapper().readTree(new ReportDataJson().format(input));
        assertThat(json.get("engine_ratios")).hasSize(3);
        assertThat(json.get("engine_ratios").get(0).get("ratio").asDouble()).isCloseTo(0.45, within(1e-9));
        assertThat(json.get("engine_ratios").get(0).get("peer").asText()).isEqualTo("llama-cpp");

        assertThat(RecommendationRules.evaluate(input))
                .filteredOn(r -> r.rule().equals("llama-cpp-faster"))
                .singleElement()
                .satisfies(r -> assertThat(r.seen()).contains("decode small simd vs llama-cpp-1t (0.40x)"));

        String html = new HtmlReportFormat().format(input);
        assertThat(HtmlReportFormat.chartsFor(input)).contains("engine");
        assertThat(html).contains("<div id=\"engine\">").contains("<b>2.00x</b>");
    }
}
