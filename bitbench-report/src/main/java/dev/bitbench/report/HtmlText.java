package dev.bitbench.report;

/** HTML escaping for text and attribute values. Pure. */
public final class HtmlText {
    private HtmlText() {}

    /**
     * {@code s} with {@code & < > " '} as character references, safe as element text and as a quoted
     * attribute value; {@code null} becomes the empty string.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
