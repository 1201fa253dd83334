package dev.bitbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The static parts of {@code report.html}, read once from the class path: Apache ECharts' {@code
 * echarts.min.js} from its WebJar ({@code org.webjars.npm:echarts}, Apache-2.0) and this module's
 * {@code report.js} and {@code report.css}.
 */
final class HtmlAssets {
    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    /** The ECharts version found on the class path. */
    static final String ECHARTS_VERSION = echartsVersion();

    /** {@code echarts.min.js}, checked to contain no {@code </script}. */
    static final String ECHARTS =
            script("META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js");

    /** The page's own script. */
    static final String REPORT_JS = script("dev/bitbench/report/report.js");

    /** The page's style sheet. */
    static final String REPORT_CSS = read("dev/bitbench/report/report.css");

    private HtmlAssets() {}

    private static String echartsVersion() {
        Properties p = new Properties();
        try (InputStream in = open(WEBJAR)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String script(String resource) {
        String text = read(resource);
        if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
            throw new IllegalStateException(resource + " contains </script and cannot be inlined");
        }
        return text;
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = HtmlAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing class path resource " + resource);
        }
        return in;
    }
}
