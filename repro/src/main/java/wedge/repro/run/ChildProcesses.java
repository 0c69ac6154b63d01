package wedge.repro.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import wedge.contract.ParentWatch;

/**
 * The child JVMs this process has running, and what ends them when this process is told to stop (SIGINT, SIGTERM,
 * Ctrl-C): a child must not run on to its time cap after {@code wedge} is gone, nor its own children after it.
 *
 * <p>Invariant: once {@link #stopping()} is true no child starts, every child started before is destroyed with
 * its descendants, and the actions registered with {@link #onStop} (closing a result file between two lines) have
 * run before the process exits.
 */
public final class ChildProcesses {
    /** How long a child has to end after SIGTERM before it is killed. */
    private static final long TERM_WAIT_MILLIS = 2000;

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final List<Runnable> ON_STOP = new CopyOnWriteArrayList<>();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "wedge-stop-children"));
    }

    private ChildProcesses() {
    }

    /** Whether this process is stopping: a child that ends now was ended by the stop, and is not a result. */
    public static boolean stopping() {
        return stopping;
    }

    /** Runs {@code action} when this process is told to stop; {@link #forget} it when it no longer applies. */
    public static void onStop(Runnable action) {
        ON_STOP.add(action);
    }

    /** Drops an action given to {@link #onStop}. */
    public static void forget(Runnable action) {
        ON_STOP.remove(action);
    }

    /**
     * Starts the child JVM {@code java} (a {@code java} command) as {@link #start} does, told to end itself when this
     * process dies, even killed with SIGKILL, when no shutdown hook of ours runs ({@link ParentWatch}). The watch's
     * option is added here, not to the commands printed for the user to paste.
     *
     * @throws InterruptedException when this process is already stopping
     */
    static Process startJvm(List<String> java) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(java);
        cmd.add(1, ParentWatch.option());
        return start(new ProcessBuilder(cmd));
    }

    /**
     * Starts {@code builder}'s process as a child that a stop ends.
     *
     * @throws InterruptedException when this process is already stopping
     */
    static Process start(ProcessBuilder builder) throws IOException, InterruptedException {
        synchronized (LIVE) {
            if (stopping) {
                throw new InterruptedException("stopping: no child starts");
            }
            Process p = builder.start();
            LIVE.add(p);
            return p;
        }
    }

    /** Forgets {@code child}, which has ended or been destroyed. */
    static void ended(Process child) {
        LIVE.remove(child);
    }

    /** Kills {@code child} and its descendants at once: for a child past its time cap. */
    static void kill(Process child) throws InterruptedException {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly().waitFor();
    }

    /**
     * Ends {@code child} past its time cap: SIGTERM, so that its shutdown hooks say in what state it ended (the
     * agent's {@code paused-at-exit} line), then SIGKILL with its descendants when it is not gone within
     * {@link #TERM_WAIT_MILLIS}.
     */
    static void terminate(Process child) throws InterruptedException {
        List<ProcessHandle> descendants = child.descendants().toList();
        // through the handle: Process.destroy() would also close our ends of the child's pipes, and lose what its
        // shutdown hooks print
        child.toHandle().destroy();
        boolean ended = child.waitFor(TERM_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
    }

    private static void stopAll() {
        synchronized (LIVE) {
            stopping = true;
        }
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_WAIT_MILLIS);
        for (Process p : LIVE) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    kill(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        ON_STOP.forEach(Runnable::run);
    }
}
