package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

/** Plain-text helpers shared by the renderers: bytes in memory order, word wrapping and padding. */
public final class Text {
    private Text() {
    }

    /** The 8 bytes of {@code value} in memory order (little-endian), e.g. {@code 61 62 00 00 00 00 00 00}. */
    public static String bytes(long value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(i == 0 ? "" : " ").append(String.format("%02x", (value >>> (8 * i)) & 0xff));
        }
        return b.toString();
    }

    /**
     * {@code text} broken at spaces into lines of at most {@code width} characters; a word longer than the width is
     * cut. Never returns an empty list, so an empty cell still takes one line.
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            while (word.length() > width) {
                flush(lines, line);
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                flush(lines, line);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    /** {@code s} padded with spaces to {@code width}. */
    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
