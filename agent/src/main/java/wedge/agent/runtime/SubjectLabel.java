package wedge.agent.runtime;

import wedge.agent.points.AutoScope;

/**
 * How a point's subject is named in race reports and dumps: its {@code toString()}, except for a JDK class's object
 * (a {@code HashMap} under {@code points=auto:java.util.HashMap}), which is named by its class and identity hash.
 * Why: a JDK collection's {@code toString()} walks its contents, which another thread may be changing at that very
 * moment (the race being reported), so it may throw the program's own {@code ConcurrentModificationException} from
 * inside the agent, and it prints every entry.
 */
public final class SubjectLabel {
    private SubjectLabel() {
    }

    /** The label of {@code subject}: null for null, its {@code toString()}, or its identity when that throws. */
    public static String of(Object subject) {
        if (subject == null) {
            return null;
        }
        if (AutoScope.isJdk(subject.getClass().getName())) {
            return identity(subject);
        }
        try {
            return String.valueOf(subject);
        } catch (RuntimeException | StackOverflowError e) {
            return identity(subject) + " (toString threw " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String identity(Object o) {
        return o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
    }
}
