package dev.bitbench.cli.history;

/**
 * A one-line chart of a series with the eight block characters {@code ▁▂▃▄▅▆▇█}: the smallest value
 * is {@code ▁}, the largest {@code █}, linear in between; a constant series is all {@code ▄}. Longer
 * series show only their newest {@code width} values.
 */
final class Sparkline {
    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {}

    static String of(double[] values, int width) {
        int from = Math.max(0, values.length - width);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < values.length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        StringBuilder sb = new StringBuilder(values.length - from);
        for (int i = from; i < values.length; i++) {
            int level = max == min
                    ? 3
                    : (int) Math.min(BLOCKS.length - 1, Math.floor((values[i] - min) / (max - min) * BLOCKS.length));
            sb.append(BLOCKS[level]);
        }
        return sb.toString();
    }
}
