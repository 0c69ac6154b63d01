package wedge.agent.runtime;

/**
 * A thread of the agent's own (warm-up, hang watchdog, scheduler monitor, shutdown reports).
 *
 * <p>Invariant: an agent thread never passes a point and is never held by a capture. Points may sit in classes the
 * agent itself uses (a profile with points on {@code java.util.HashMap}); an agent thread passing one would recurse
 * into the hooks, or be stopped by a capture while the faulting thread waits on the agent's work.
 */
public final class AgentThread extends Thread {
    /**
     * The thread running the agent's start-up ({@code premain} or {@code agentmain}), or null: it too is the agent's
     * own while it runs, so nothing it does is an event or a fault.
     */
    private static volatile Thread starting;

    private AgentThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }

    /** A daemon agent thread, not started. */
    public static Thread daemon(Runnable task, String name) {
        return new AgentThread(task, name);
    }

    /** An agent thread for a shutdown hook (not a daemon, as shutdown hooks need not be). */
    public static Thread shutdownHook(Runnable task, String name) {
        Thread t = new AgentThread(task, name);
        t.setDaemon(false);
        return t;
    }

    /** Whether the calling thread is the agent's: one of its threads, or the thread running its start-up. */
    public static boolean current() {
        Thread t = Thread.currentThread();
        return t instanceof AgentThread || t == starting;
    }

    /** The calling thread runs the agent's start-up until {@link #started}. */
    public static void starting() {
        starting = Thread.currentThread();
    }

    /** The agent's start-up is over; the thread that ran it is the application's again. */
    public static void started() {
        starting = null;
    }
}
