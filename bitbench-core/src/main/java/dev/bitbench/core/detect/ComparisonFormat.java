package dev.bitbench.core.detect;

/**
 * One output format of a {@link ComparisonReport} (JSON, JUnit XML, and whatever the report module
 * adds). Pure: returns the text, the caller writes it (atomically, so no partial file is left).
 */
public interface ComparisonFormat {

    /** The whole document for {@code report}. */
    String format(ComparisonReport report);
}
