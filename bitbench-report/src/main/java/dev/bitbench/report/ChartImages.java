package dev.bitbench.report;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * PNG and SVG images of a run's charts for documents, drawn in Java with XChart (no browser), in
 * headless AWT. Charts by name: {@value #NAMES}; {@link #available} says which have data.
 * Images are {@value #WIDTH} x {@value #HEIGHT} pixels (PNG) or points (SVG).
 */
public final class ChartImages {

    /** Chart names this class draws: {@value}. */
    public static final String NAMES = "throughput, speedup, engine, scaling, alloc, memory";

    /** Image width. */
    public static final int WIDTH = 1000;

    /** Image height. */
    public static final int HEIGHT = 560;

    /** Image encodings. */
    public enum Encoding {
        PNG,
        SVG
    }

    private final RunResult run;

    /** Charts of {@code run}. */
    public ChartImages(RunResult run) {
        this.run = run;
    }

    /** The chart names that have data in this run, in the order of {@link #NAMES}. */
    public List<String> available() {
        List<String> out = new ArrayList<>();
        for (String name : NAMES.split(", ")) {
            if (build(name) != null) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The image of one chart.
     *
     * @throws IllegalArgumentException for an unknown name or a chart without data, naming the
     *     available ones
     */
    public byte[] render(String name, Encoding encoding) {
        System.setProperty("java.awt.headless", "true");
        Chart<?, ?> chart = build(name);
        if (chart == null) {
            throw new IllegalArgumentException("no chart '" + name + "' for this run; available: " + available());
        }
        try {
            if (encoding == Encoding.PNG) {
                return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chart<?, ?> build(String name) {
        return switch (name) {
            case "throughput" -> bars("Throughput per op by backend (median)", "throughput");
            case "alloc" -> bars("Allocation per op (B/op, median)", "alloc");
            case "memory" -> bars("Memory reduction vs f32 (x)", "memory_reduction");
            case "speedup" -> speedup();
            case "engine" -> engine();
            case "scaling" -> scaling();
            default -> throw new IllegalArgumentException("unknown chart '" + name + "': expected one of " + NAMES);
        };
    }

    private CategoryChart bars(String title, String metric) {
        Map<String, Map<String, Double>> bySeries = new TreeMap<>();
        TreeSet<String> categories = new TreeSet<>();
        String unit = null;
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.status() == BenchmarkStatus.OK && b.metrics().containsKey(metric)) {
                String category = b.op() + " " + RunDigest.shape(b);
                String series = b.backend() == null ? b.group() : b.backend();
                if (metric.equals("memory_reduction")) {
                    category = (b.dtype() == null ? "" : b.dtype()) + " " + RunDigest.shape(b);
                    series = b.op();
                }
                categories.add(category);
                bySeries.computeIfAbsent(series, k -> new TreeMap<>())
                        .putIfAbsent(category, b.metrics().get(metric).median());
                unit = b.metrics().get(metric).unit();
            }
        }
        if (categories.isEmpty()) {
            return null;
        }
        CategoryChart chart = categoryChart(title, unit);
        List<String> xs = List.copyOf(categories);
        bySeries.forEach((series, values) -> chart.addSeries(
                series, xs, xs.stream().map(x -> values.getOrDefault(x, 0.0)).toList()));
        return chart;
    }

    /** Java engine ÷ llama.cpp tokens/s, one bar per pair ({@link EngineRatios}). */
    private CategoryChart engine() {
        List<EngineRatios.EngineRatio> ratios = EngineRatios.of(run);
        if (ratios.isEmpty()) {
            return null;
        }
        List<String> xs = ratios.stream()
                .map(r -> r.op() + " " + r.model() + (r.prompt() > 0 ? " p" + r.prompt() : "") + " " + r.backend() + "/"
                        + r.peer())
                .toList();
        CategoryChart chart = categoryChart("Java engine / llama.cpp (tokens/s, same run)", "x");
        chart.addSeries(
                "Java / llama.cpp",
                xs,
                ratios.stream().map(EngineRatios.EngineRatio::ratio).toList());
        return chart;
    }

    private CategoryChart speedup() {
        List<RunDigest.Speedup> speedups = new RunDigest(run).speedups();
        if (speedups.isEmpty()) {
            return null;
        }
        TreeSet<String> categories = new TreeSet<>();
        Map<String, Map<String, Double>> bySeries = new TreeMap<>();
        for (RunDigest.Speedup s : speedups) {
            String category = s.op() + " " + s.shape() + " " + s.dtype();
            categories.add(category);
            bySeries.computeIfAbsent(s.backend(), k -> new TreeMap<>()).put(category, s.speedup());
        }
        CategoryChart chart = categoryChart("Speed-up over scalar (same run)", "x");
        List<String> xs = List.copyOf(categories);
        bySeries.forEach((series, values) -> chart.addSeries(
                series, xs, xs.stream().map(x -> values.getOrDefault(x, 0.0)).toList()));
        return chart;
    }

    private XYChart scaling() {
        Map<String, TreeMap<Long, Double>> lines = new TreeMap<>();
        String unit = null;
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.status() == BenchmarkStatus.OK
                    && !b.group().equals(RunDigest.PEERS)
                    && b.metrics().containsKey("time")
                    && RunDigest.elements(b) > 0
                    && b.metrics().get("time").median() > 0) {
                String key = b.op() + "/" + (b.backend() == null ? "" : b.backend()) + "/"
                        + (b.dtype() == null ? "" : b.dtype());
                lines.computeIfAbsent(key, k -> new TreeMap<>())
                        .putIfAbsent(
                                RunDigest.elements(b), b.metrics().get("time").median());
                unit = b.metrics().get("time").unit();
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Scaling with size (median time, log-log)")
                .xAxisTitle("elements")
                .yAxisTitle(unit)
                .build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        lines.forEach((key, points) -> chart.addSeries(
                key, points.keySet().stream().map(Long::doubleValue).toList(), List.copyOf(points.values())));
        return chart;
    }

    private static CategoryChart categoryChart(String title, String unit) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .yAxisTitle(unit)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setOverlapped(false);
        return chart;
    }
}
