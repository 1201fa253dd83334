package dev.bitbench.core.detect;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The comparison as JUnit XML, so that CI test tabs show regressions: one {@code <testcase>} per
 * comparison ({@code classname} = benchmark id, {@code name} = metric), inside one {@code
 * <testsuite name="bitbench.regression">}.
 *
 * <ul>
 *   <li>blocking {@code CRITICAL} and {@code WARNING}: a {@code <failure type="CRITICAL|WARNING">}
 *       whose message gives the change, the thresholds and the adjusted p-value;
 *   <li>{@code NEW} and {@code MISSING}: {@code <skipped>} with the reason;
 *   <li>everything else (including non-blocking regressions): a passing test case whose {@code
 *       <system-out>} gives the level and numbers.
 * </ul>
 *
 * Times are {@code 0}: these test cases measure nothing themselves.
 */
public final class ComparisonJunitFormat implements ComparisonFormat {

    @Override
    public String format(ComparisonReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            long failures = report.comparisons().stream()
                    .filter(ComparisonJunitFormat::isFailure)
                    .count();
            long skipped = report.count(Level.NEW) + report.count(Level.MISSING);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "bitbench");
            xml.writeAttribute("tests", Integer.toString(report.comparisons().size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "bitbench.regression");
            xml.writeAttribute("tests", Integer.toString(report.comparisons().size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", "0");
            for (Comparison c : report.comparisons()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", c.benchmarkId());
                xml.writeAttribute("name", c.metric());
                xml.writeAttribute("time", "0");
                if (isFailure(c)) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", c.level().name());
                    xml.writeAttribute("message", summary(c));
                    xml.writeCharacters(details(c));
                    xml.writeEndElement();
                } else if (c.level() == Level.NEW || c.level() == Level.MISSING) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute(
                            "message",
                            c.level() == Level.NEW ? "NEW: not in the baseline" : "MISSING: not in the current run");
                } else {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(summary(c) + (c.blocking() ? "" : " (non-blocking)"));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static boolean isFailure(Comparison c) {
        return c.blocking() && c.level().isRegression();
    }

    /** One line, e.g. {@code CRITICAL: time +30.1% worse (warning 15%, critical 25%), p_adj 0.0001}. */
    static String summary(Comparison c) {
        StringBuilder s = new StringBuilder(c.level().name()).append(": ").append(c.metric());
        if (!Double.isNaN(c.regressionPct())) {
            s.append(' ')
                    .append(
                            Double.isInfinite(c.regressionPct())
                                    ? (c.regressionPct() > 0 ? "from zero" : "to zero")
                                    : String.format(Locale.ROOT, "%+.1f%%", c.regressionPct()))
                    .append(c.regressionPct() > 0 ? " worse" : " better");
        }
        s.append(String.format(
                Locale.ROOT, " (warning %s%%, critical %s%%)", trim(c.warningPercent()), trim(c.criticalPercent())));
        if (!Double.isNaN(c.pAdjusted())) {
            s.append(String.format(Locale.ROOT, ", p_adj %.3g", c.pAdjusted()));
        }
        s.append(", ").append(c.method().json());
        return s.toString();
    }

    private static String details(Comparison c) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "baseline median %s %s (%d samples), current median %s %s (%d samples)",
                c.baselineMedian(),
                c.unit(),
                c.baselineSamples(),
                c.currentMedian(),
                c.unit(),
                c.currentSamples()));
        if (c.ci() != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "; ratio %.4f, %.0f%% CI [%.4f, %.4f]",
                    c.ratio(),
                    c.ci().level() * 100,
                    c.ci().low(),
                    c.ci().high()));
        }
        if (c.note() != null) {
            s.append("; ").append(c.note());
        }
        return s.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
