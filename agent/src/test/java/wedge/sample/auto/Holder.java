package wedge.sample.auto;

import java.util.Objects;

/**
 * A plain field that one thread clears while another uses it: {@link #use} dereferences it, and counts the use in a
 * {@code finally}, a point passed after the throw and before the escape. {@link #check} asks for it through
 * {@link Objects#requireNonNull}, whose exception its caller catches.
 */
final class Holder {
    private String item = "ready";
    private int uses;

    void clear() {
        item = null;
    }

    int use() {
        try {
            return item.length();
        } finally {
            uses++;
        }
    }

    String check() {
        return Objects.requireNonNull(item, "item");
    }
}
