package wedge.agent.runtime;

/**
 * The agent's view of one thread that has passed a point.
 *
 * <p>{@link #hits} and the last-point fields are written only by the thread itself and read by a capture after the
 * thread stopped at a point (a synchronisation edge) or, for a thread still running, as a best-effort blur.
 */
public final class ThreadState {
    /** The agent's ordinal: 1 for the first thread to pass a point, then 2, ...; never reused. */
    public final int ordinal;
    /** The thread itself, for its name, liveness and stack. */
    public final Thread thread;
    /** Points this thread has passed; a point sees the count of those before it. */
    public long hits;
    /** Id of the last point passed, -1 before the first. */
    public int lastPoint = -1;
    /** Enclosing method of the last point passed. */
    public String lastSite;
    /** Number of the last event in this thread's own log, -1 before the first. */
    long lastLocal = -1;
    /** The thread's own event log. */
    final ThreadLog log;
    /**
     * Whether the thread is inside the agent (a hook's strategy, log or capture): a point it passes there is the
     * agent's own doing, in a class the agent uses too, and is skipped. Written and read by the thread only.
     */
    boolean inAgent;
    /** Whether the thread is held at a point by a capture. */
    volatile boolean held;
    /** Whether a scheduling strategy keeps the thread waiting at a point for its turn. */
    private volatile boolean parked;
    /**
     * Starts and ends of the strategy's pauses of this thread, written by the thread only: odd while it sits in a
     * pause. Each change is progress, as a point passed is: a thread back from a pause may run a long way before
     * its next point.
     */
    private volatile long pauseEdges;

    ThreadState(int ordinal, Thread thread, int logCapacity) {
        this.ordinal = ordinal;
        this.thread = thread;
        this.log = new ThreadLog(ordinal, logCapacity);
    }

    /** Number of the last event in this thread's own log, -1 before the first. */
    public long lastLocal() {
        return lastLocal;
    }

    /** Whether the thread is stopped at a point right now: held by a capture, or waiting for its turn. */
    public boolean held() {
        return held || parked;
    }

    /** A scheduling strategy starts ({@code true}) or ends keeping this thread waiting at a point. */
    public void parked(boolean waiting) {
        parked = waiting;
    }

    /** Whether the thread is in a pause of the strategy's right now. */
    public boolean pausing() {
        return (pauseEdges & 1) == 1;
    }

    /** How many times the thread has entered or left a pause of the strategy's. */
    public long pauseEdges() {
        return pauseEdges;
    }

    /** The strategy starts ({@code true}) or ends a pause of this thread; called by the thread itself. */
    public void pausing(boolean paused) {
        if (paused != pausing()) {
            pauseEdges++;
        }
    }
}
