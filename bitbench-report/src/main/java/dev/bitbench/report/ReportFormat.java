package dev.bitbench.report;

/**
 * One text output format of a report (HTML, Markdown, CSV, JSON, badge SVG). Pure: formats the
 * input into a string and does no I/O; the caller writes the file.
 */
public interface ReportFormat {

    /**
     * The whole document.
     *
     * @throws IllegalArgumentException when the format needs a part the input lacks (e.g. CSV
     *     needs a run); the message says which
     */
    String format(ReportInput input);

    /** The file name this format is written to by default, e.g. {@code report.html}. */
    String defaultFileName();
}
