package wedge.agent.capture;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders event subjects for one dump. The hot path records the subject object itself, so labels cost nothing
 * until a dump is written; here each distinct object is rendered once with its {@code toString()}.
 */
final class Labels {
    private final Map<Object, String> cache = new IdentityHashMap<>();

    /** The label of {@code subject}: null for null, its {@code toString()}, or a note when that throws. */
    String of(Object subject) {
        if (subject == null) {
            return null;
        }
        return cache.computeIfAbsent(subject, Labels::render);
    }

    private static String render(Object o) {
        try {
            return String.valueOf(o);
        } catch (RuntimeException | StackOverflowError e) {
            return o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o))
                    + " (toString threw " + e.getClass().getSimpleName() + ")";
        }
    }
}
