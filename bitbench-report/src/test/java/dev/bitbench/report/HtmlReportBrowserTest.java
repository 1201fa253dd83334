package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens {@code report.html} in a real headless Chromium (Debian's {@code chromium} driven through
 * {@code chromium-driver} by Selenium): no console errors, no network requests, a rendered canvas
 * in every chart, every benchmark in the table, the XSS id as text, and a screenshot under {@code
 * target/}. Without a browser the test is skipped, unless {@code CI=true}, where it fails.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("BITBENCH_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER =
            Path.of(System.getenv().getOrDefault("BITBENCH_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static ChromeDriver driver;
    private static RunResult run;
    private static ReportInput input;

    @BeforeAll
    static void openReport() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String reason = "no browser: need " + CHROMIUM + " and " + DRIVER + " (run .ci/chromium.sh)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true, so this fails instead of skipping");
            }
            Assumptions.abort(reason);
        }
        RunResult fixture = ReportFixtures.fixtureRun();
        List<BenchmarkResult> rows = new ArrayList<>(fixture.benchmarks());
        rows.addAll(EngineRatiosTest.decodeAndPrefill().benchmarks().stream()
                .filter(b -> !b.group().equals("kernels"))
                .toList());
        run = new RunResult(fixture.run(), fixture.system(), rows);
        input = new ReportInput(run, ReportFixtures.comparison(), TrendFixtures.stepAndFlat());
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        Path page = dir.resolve("report.html");
        Files.writeString(page, new HtmlReportFormat().format(input));

        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,3200",
                "--user-data-dir=" + Files.createTempDirectory("report-chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.get(page.toAbsolutePath().toUri().toString());
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void scriptRanToTheEndWithoutConsoleErrors() {
        assertThat(js("return document.body.getAttribute('data-rendered')")).isEqualTo("true");
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(errors).isEmpty();
    }

    @Test
    void makesNoNetworkRequests() {
        assertThat((Long) js("return performance.getEntriesByType('resource').length"))
                .isZero();
        assertThat(js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"))
                .isEqualTo(HtmlReportFormat.CSP);
    }

    @Test
    void everyChartHoldsARenderedCanvas() {
        @SuppressWarnings("unchecked")
        List<String> rendered = (List<String>) js("return Array.from(document.querySelectorAll('.chart'))"
                + ".filter(c => { const k = c.querySelector('canvas'); return k && k.width > 0 && k.height > 0; })"
                + ".map(c => c.getAttribute('data-chart'))");
        assertThat(rendered).containsExactlyElementsOf(HtmlReportFormat.chartsFor(input));
        assertThat(rendered)
                .contains("throughput", "speedup", "engine", "scaling", "quant", "memory", "alloc", "distribution");
    }

    @Test
    void everyTrendChartIsRenderedWithTheChangePointMarkedAtItsIndex() {
        assertTrendChartsMarkTheStep();
    }

    @Test
    void trendOnlyPageRendersItsChartsWithoutErrors() throws IOException {
        Path page = Path.of("target", "browser", "trends.html").toAbsolutePath();
        Files.writeString(
                page, new HtmlReportFormat().format(new ReportInput(null, null, TrendFixtures.stepAndFlat())));
        String main = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(page.toUri().toString());
            assertThat(js("return document.body.getAttribute('data-rendered')")).isEqualTo("true");
            assertTrendChartsMarkTheStep();
            assertThat((String) js("return document.getElementById('changepoints').innerText"))
                    .contains("r12")
                    .contains("kernels.add/simd/f32/4096");
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()))
                    .isEmpty();
            assertThat((Long) js("return performance.getEntriesByType('resource').length"))
                    .isZero();
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(Path.of("target", "trend-screenshot.png"), png);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        } finally {
            driver.close();
            driver.switchTo().window(main);
        }
    }

    /**
     * In the page open now: both trend charts hold a canvas; the step series' chart has exactly one
     * vertical mark line, at index 12, and one pin on run 12; the flat series' chart has none.
     */
    private static void assertTrendChartsMarkTheStep() {
        @SuppressWarnings("unchecked")
        List<Object> marks = (List<Object>) js("return Array.from(document.querySelectorAll('.trendchart')).map(el => {"
                + " const k = el.querySelector('canvas'); const o = echarts.getInstanceByDom(el).getOption();"
                + " const s = o.series[0];"
                + " return { series: Number(el.dataset.series), canvas: !!(k && k.width > 0 && k.height > 0),"
                + " vertical: s.markLine.data.filter(d => !Array.isArray(d) && d.xAxis !== undefined).map(d => d.xAxis),"
                + " pins: s.markPoint.data.map(d => d.coord[0]) }; })");
        assertThat(marks).hasSize(2);
        assertThat(marks)
                .extracting(m -> (Object) ((java.util.Map<?, ?>) m).get("canvas"))
                .containsOnly(Boolean.TRUE);
        java.util.Map<?, ?> step = (java.util.Map<?, ?>) marks.get(0);
        assertThat(step.get("series")).isEqualTo(0L);
        assertThat(step.get("vertical")).isEqualTo(List.of(12L));
        assertThat(step.get("pins")).isEqualTo(List.of(12L));
        java.util.Map<?, ?> flat = (java.util.Map<?, ?>) marks.get(1);
        assertThat(flat.get("vertical")).isEqualTo(List.of());
        assertThat(flat.get("pins")).isEqualTo(List.of());
    }

    @Test
    void tableListsEveryBenchmark() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>)
                js(
                        "return Array.from(document.querySelectorAll('#benchmarks tbody tr')).map(r => r.cells[0].textContent)");
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        run.benchmarks().stream().map(BenchmarkResult::id).toList());
    }

    @Test
    void filterHidesRowsThatDoNotMatch() {
        Object shown = js("const f = document.getElementById('filter'); f.value = 'matmul parallel';"
                + " f.dispatchEvent(new Event('input'));"
                + " const n = Array.from(document.querySelectorAll('#benchmarks tbody tr'))"
                + ".filter(r => r.style.display !== 'none').length;"
                + " f.value = ''; f.dispatchEvent(new Event('input')); return n;");
        long expected = run.benchmarks().stream()
                .filter(b -> b.id().contains("matmul") && b.id().contains("parallel"))
                .count();
        assertThat((Long) shown).isEqualTo(expected);
    }

    @Test
    void injectedMarkupRendersAsText() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat((Long) js("return document.querySelectorAll('img').length")).isZero();
        assertThat((String) js("return document.body.innerText")).contains(ReportFixtures.XSS_ID);
    }

    @Test
    void comparisonOnlyPageRendersWithoutErrors() throws IOException {
        Path page = Path.of("target", "browser", "comparison.html").toAbsolutePath();
        Files.writeString(page, new HtmlReportFormat().format(new ReportInput(null, ReportFixtures.comparison())));
        String main = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(page.toUri().toString());
            assertThat(js("return document.body.getAttribute('data-rendered')")).isEqualTo("true");
            assertThat((String) js("return document.getElementById('comparison').innerText"))
                    .contains(ReportFixtures.XSS_ID)
                    .contains("kernels.add/simd/f32/4096");
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()))
                    .isEmpty();
        } finally {
            driver.close();
            driver.switchTo().window(main);
        }
    }

    @Test
    void savesAScreenshotForAPerson() throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path file = Path.of("target", "report-screenshot.png");
        Files.write(file, png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
