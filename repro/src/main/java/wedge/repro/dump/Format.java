package wedge.repro.dump;

import java.util.Locale;

/** How a {@link Report} is printed. */
public enum Format {
    /** Aligned plain text for a terminal of {@link Report#WIDTH} columns. */
    TEXT,
    /** GitHub Markdown: prose in text blocks, tables as Markdown tables, to paste into a bug report. */
    MARKDOWN;

    /** The format named {@code name} ({@code text} or {@code markdown}, any case), or null for another name. */
    public static Format named(String name) {
        for (Format f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** The names {@link #named} accepts, for messages. */
    public static String names() {
        return TEXT.name().toLowerCase(Locale.ROOT) + ", " + MARKDOWN.name().toLowerCase(Locale.ROOT);
    }
}
