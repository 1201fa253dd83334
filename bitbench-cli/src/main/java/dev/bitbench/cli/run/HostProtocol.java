package dev.bitbench.cli.run;

import java.util.Optional;

/**
 * The lines {@link ForkHost} prints on stdout for the runner, each starting with {@link #PREFIX};
 * any other output (a benchmark printing) is ignored. Messages are escaped onto one line.
 *
 * <pre>
 * @@bitbench info KEY VALUE          something to record, e.g. openblas.corename
 * @@bitbench start INDEX             the benchmark at INDEX of the plan begins
 * @@bitbench end INDEX STATUS MSG    it ended: ok, failed or skipped, with the error or reason
 * </pre>
 */
final class HostProtocol {
    static final String PREFIX = "@@bitbench ";

    private HostProtocol() {}

    /** A parsed protocol line. */
    record Message(String kind, String first, String second, String rest) {}

    static String info(String key, String value) {
        return PREFIX + "info " + key + " " + escape(value);
    }

    static String start(int index) {
        return PREFIX + "start " + index;
    }

    static String end(int index, String status, String message) {
        return PREFIX + "end " + index + " " + status + " " + escape(message == null ? "" : message);
    }

    static Optional<Message> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", 4);
        String kind = parts[0];
        String first = parts.length > 1 ? parts[1] : "";
        String second = parts.length > 2 ? parts[2] : "";
        String rest = parts.length > 3 ? unescape(parts[3]) : "";
        if (kind.equals("info")) {
            // info KEY VALUE: the value may contain spaces
            String value = line.substring(PREFIX.length() + "info ".length() + first.length())
                    .trim();
            return Optional.of(new Message(kind, first, unescape(value), ""));
        }
        return Optional.of(new Message(kind, first, second, rest));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
