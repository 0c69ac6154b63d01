package wedge.contract;

import java.util.function.BiFunction;

/**
 * Ends this JVM when the process that started it dies, SIGKILL included, for a child JVM that {@code wedge} starts:
 * a run must not go on to its own time cap, holding cores and writing dumps, after the sweep that wanted it is gone.
 * Nothing tells a process on Linux that its parent died (the JDK has no {@code prctl(PR_SET_PDEATHSIG)}), so a daemon
 * thread polls the parent's handle.
 *
 * <p>Only a JVM started with {@code -D}{@value #PROPERTY}{@code =PID} watches, PID being its starter's: a program
 * the user runs by hand is never ended by this. The pid is given, not read from this process's parent, because a
 * parent killed while this JVM was still starting has already handed it to another (init, or a subreaper). Both the
 * agent and the workload's {@code main} ask for the watch; the first to ask starts it, marking the property, so one
 * JVM has one watcher even with the agent's relocated copy of this class.
 */
public final class ParentWatch {
    /** The system property that asks for the watch, with the pid of the process to watch. */
    public static final String PROPERTY = "wedge.watch-parent";
    /** The watcher thread's name: one of the agent's own threads, never a thread of the program under test. */
    public static final String THREAD_NAME = "wedge-parent-watch";
    /**
     * The status this JVM halts with when its parent is gone: a shell's status for SIGHUP (128 + 1), the signal a
     * process gets when what controls it goes away. Nobody is left to read it but a process that adopted this one.
     */
    public static final int ORPHANED = 129;
    /** How often the parent is looked at: a child outlives its parent by at most this, plus its halt. */
    private static final long POLL_MILLIS = 250;
    private static final String STARTED = "started";

    private ParentWatch() {
    }

    /** The option of a child's {@code java} command that makes it watch this process. */
    public static String option() {
        return "-D" + PROPERTY + "=" + ProcessHandle.current().pid();
    }

    /** {@link #startIfAsked(BiFunction)} with a plain daemon thread: the watch of a JVM with no agent in it. */
    public static void startIfAsked() {
        startIfAsked((task, name) -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the watch when this JVM was asked for it and no watch runs yet; does nothing otherwise. A parent that
     * is already gone halts this JVM at once.
     *
     * @param threads makes the watcher's daemon thread, not started, from its task and {@link #THREAD_NAME}: the
     *                agent gives one of its own threads, which pass no point
     */
    public static void startIfAsked(BiFunction<Runnable, String, Thread> threads) {
        long pid;
        synchronized (System.getProperties()) {
            String asked = System.getProperty(PROPERTY);
            if (asked == null || !asked.matches("\\d{1,18}")) {
                return;
            }
            System.setProperty(PROPERTY, STARTED);
            pid = Long.parseLong(asked);
        }
        ProcessHandle parent = ProcessHandle.of(pid).orElse(null);
        if (parent == null || !parent.isAlive()) {
            Runtime.getRuntime().halt(ORPHANED);
        }
        threads.apply(() -> watch(parent), THREAD_NAME).start();
    }

    /** Polls {@code parent}; its handle knows its start time, so a recycled pid does not pass for it alive. */
    private static void watch(ProcessHandle parent) {
        while (parent.isAlive()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        Runtime.getRuntime().halt(ORPHANED);
    }
}
