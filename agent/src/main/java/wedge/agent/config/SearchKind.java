package wedge.agent.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the {@code controlled} strategy lets the seed choose the next thread. */
public enum SearchKind {
    /** At every point, a uniformly random thread among those waiting at a point. */
    RANDOM("random"),
    /** Probabilistic concurrency testing: random priorities and d-1 priority change points. */
    PCT("pct");

    private final String id;

    SearchKind(String id) {
        this.id = id;
    }

    /** The name users type. */
    public String id() {
        return id;
    }

    /** The kind named {@code id}, or null. */
    public static SearchKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(null);
    }

    /** Every name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(SearchKind::id).collect(Collectors.joining(", "));
    }
}
