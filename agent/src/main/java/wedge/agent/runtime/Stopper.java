package wedge.agent.runtime;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops threads at their next point while a capture runs.
 *
 * <p>The capturing thread requests a stop; every other thread that then passes an armed point is held there until
 * the capture releases it, or until {@link #HOLD_LIMIT_MILLIS} has passed, so a capture that itself gets stuck can
 * never freeze the application for good. The capturing thread passes points unhindered (its snapshot may read
 * instrumented fields).
 */
public final class Stopper {
    /** Longest time a thread is held at a point. */
    public static final long HOLD_LIMIT_MILLIS = 30_000;

    private final Object lock = new Object();
    private volatile boolean requested;
    private volatile Thread capturer;

    /** Whether a stop is in force; the one check on the armed fast path. */
    public boolean requested() {
        return requested;
    }

    /** Whether the calling thread is the one capturing. */
    boolean isCapturer() {
        return Thread.currentThread() == capturer;
    }

    /** Starts a stop on behalf of the calling thread. */
    public void request() {
        capturer = Thread.currentThread();
        requested = true;
    }

    /** Holds the calling thread, described by {@code self}, until release or the hold limit. */
    void hold(ThreadState self) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_LIMIT_MILLIS);
        synchronized (lock) {
            self.held = true;
            lock.notifyAll();
            try {
                long left;
                while (requested && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                self.held = false;
            }
        }
    }

    /**
     * Waits until every live thread of {@code threads} other than the caller is held, or {@code timeoutMillis} has
     * passed; threads outside instrumented code never arrive, and are reported as running.
     */
    public void awaitHeld(List<ThreadState> threads, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            try {
                long left;
                while (!allHeld(threads) && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the stop: held threads continue. */
    public void release() {
        synchronized (lock) {
            requested = false;
            capturer = null;
            lock.notifyAll();
        }
    }

    /**
     * Whether no thread but the caller can still be on its way to a point: each is held, gone, or asleep outside
     * the strategy's pauses (in a sleep, a join, a wait: a Larson main sleeping out the run). A sleeper runs again
     * only later, and then its next armed point holds it like any other, since the stop stands until
     * {@link #release}; waiting the whole timeout for it would only delay every dump. A thread in a pause is
     * waited for: it is at a point, and comes back from the pause to its stop check.
     */
    private static boolean allHeld(List<ThreadState> threads) {
        Thread me = Thread.currentThread();
        for (ThreadState t : threads) {
            if (t.thread != me && t.thread.isAlive() && !t.held() && (t.pausing() || runnable(t.thread))) {
                return false;
            }
        }
        return true;
    }

    private static boolean runnable(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.RUNNABLE || s == Thread.State.BLOCKED;
    }
}
