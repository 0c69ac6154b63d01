package wedge.agent.capture;

import java.util.IdentityHashMap;
import java.util.Map;
import wedge.agent.runtime.SubjectLabel;

/**
 * Renders event subjects for one dump. The hot path records the subject object itself, so labels cost nothing
 * until a dump is written; here each distinct object is rendered once with its {@code toString()}.
 */
final class Labels {
    private final Map<Object, String> cache = new IdentityHashMap<>();

    /** The label of {@code subject}, as {@link SubjectLabel} names it. */
    String of(Object subject) {
        if (subject == null) {
            return null;
        }
        return cache.computeIfAbsent(subject, SubjectLabel::of);
    }
}
