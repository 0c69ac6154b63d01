package wedge.agent.weave;

import java.util.ArrayList;
import java.util.List;
import wedge.agent.log.Log;

/**
 * A point that cannot be woven. At start-up it ends the JVM before the class runs: a run without the
 * instrumentation asked for would prove nothing. An agent attached to a running JVM never halts it: what fails
 * while the attach weaves the loaded classes is undone and reported to the attaching tool ({@link WeaveSetup}), and
 * what fails later leaves that class unwoven with an error line naming it.
 */
public final class WeaveFailure {
    /** Exit status when a point cannot be woven, the same as for a bad option. */
    public static final int WEAVE_FAILED = 2;

    private static volatile boolean attached;
    private static final List<String> failures = new ArrayList<>();

    private WeaveFailure() {
    }

    /** The agent was attached to a running JVM: no failure halts it from now on. */
    static void attached() {
        attached = true;
    }

    /** Ends the JVM with {@link #WEAVE_FAILED} and {@code message} on stderr; only records it when attached. */
    static void fail(String message) {
        if (attached) {
            Log.error(message + "; that class runs unwoven (an attached agent never halts its target)");
            synchronized (failures) {
                failures.add(message);
            }
            return;
        }
        Log.error(message);
        System.err.flush();
        Runtime.getRuntime().halt(WEAVE_FAILED);
    }

    /** The failures recorded since the last call, which forgets them. */
    static List<String> drain() {
        synchronized (failures) {
            List<String> all = List.copyOf(failures);
            failures.clear();
            return all;
        }
    }

    /** Why weaving failed: the error and its causes, never a bare {@code null} message. */
    static String reason(Throwable error) {
        StringBuilder b = new StringBuilder(error.toString());
        for (Throwable c = error.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }
}
