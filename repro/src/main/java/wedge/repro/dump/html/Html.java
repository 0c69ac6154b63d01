package wedge.repro.dump.html;

/** Text made safe to place in HTML and SVG, as element content or as a quoted attribute value. */
final class Html {
    private Html() {
    }

    /** {@code text} with the five characters that could end content or an attribute escaped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
