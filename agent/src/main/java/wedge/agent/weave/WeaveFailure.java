package wedge.agent.weave;

import wedge.agent.log.Log;

/** A point that cannot be woven ends the JVM: a run without the instrumentation asked for would prove nothing. */
public final class WeaveFailure {
    /** Exit status when a point cannot be woven, the same as for a bad option. */
    public static final int WEAVE_FAILED = 2;

    private WeaveFailure() {
    }

    /** Ends the JVM with {@link #WEAVE_FAILED} and {@code message} on stderr. */
    static void fail(String message) {
        Log.error(message);
        System.err.flush();
        Runtime.getRuntime().halt(WEAVE_FAILED);
    }
}
