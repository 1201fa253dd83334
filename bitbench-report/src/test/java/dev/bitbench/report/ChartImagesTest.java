package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class ChartImagesTest {
    private final ChartImages charts = new ChartImages(ReportFixtures.fixtureRun());

    @Test
    void fixtureHasEveryChartWithData() {
        assertThat(charts.available()).containsExactly("throughput", "speedup", "scaling", "alloc", "memory");
    }

    @Test
    void pngIsADecodableImageOfTheDocumentedSize() throws Exception {
        for (String name : charts.available()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(charts.render(name, ChartImages.Encoding.PNG)));
            assertThat(image.getWidth()).as(name).isEqualTo(ChartImages.WIDTH);
            assertThat(image.getHeight()).as(name).isEqualTo(ChartImages.HEIGHT);
        }
    }

    @Test
    void svgIsWellFormedSvg() throws Exception {
        byte[] svg = charts.render("speedup", ChartImages.Encoding.SVG);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("viewBox"))
                .isEqualTo("0 0 " + ChartImages.WIDTH + " " + ChartImages.HEIGHT);
        // XChart draws text as outlines, so the bars are the paths filled with a series colour
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<path").contains("fill:rgb(");
    }

    @Test
    void engineChartExistsOnlyWithEngineAndLlamaCppRows() throws Exception {
        assertThat(charts.available()).doesNotContain("engine");
        ChartImages engine = new ChartImages(EngineRatiosTest.decodeAndPrefill());
        assertThat(engine.available()).contains("engine");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(engine.render("engine", ChartImages.Encoding.PNG)));
        assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
    }

    @Test
    void unknownOrEmptyChartsAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> charts.render("pie", ChartImages.Encoding.PNG))
                .hasMessageContaining("unknown chart 'pie'")
                .hasMessageContaining(ChartImages.NAMES);
        ChartImages kernelsOnly = new ChartImages(new dev.bitbench.core.result.RunResult(
                ReportFixtures.info("k", 0),
                ReportFixtures.system(),
                List.of(ReportFixtures.kernel("add", "scalar", "64", 1, 0.01, 1))));
        assertThatThrownBy(() -> kernelsOnly.render("memory", ChartImages.Encoding.SVG))
                .hasMessageContaining("no chart 'memory'")
                .hasMessageContaining("available: [throughput, scaling, alloc]");
    }
}
