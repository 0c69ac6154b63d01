package wedge.repro.dump.html;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The CSS classes and notes that the analysis adds to events of the window, by {@code seq}. */
final class EventMarks {
    private final Map<Long, Set<String>> classes = new HashMap<>();
    private final Map<Long, Set<String>> notes = new HashMap<>();

    /** Marks event {@code seq} with CSS class {@code css} and a line {@code note} for its hover text. */
    void mark(long seq, String css, String note) {
        classes.computeIfAbsent(seq, s -> new LinkedHashSet<>()).add(css);
        notes.computeIfAbsent(seq, s -> new LinkedHashSet<>()).add(note);
    }

    /** Whether {@code seq} is marked {@code css}. */
    boolean has(long seq, String css) {
        return classes.getOrDefault(seq, Set.of()).contains(css);
    }

    /** The classes of {@code seq}, space-separated with a leading space, or empty. */
    String classesOf(long seq) {
        Set<String> c = classes.get(seq);
        return c == null ? "" : " " + String.join(" ", c);
    }

    /** The notes of {@code seq}, one a line, or empty. */
    String notesOf(long seq) {
        Set<String> n = notes.get(seq);
        return n == null ? "" : String.join("\n", n);
    }
}
