package wedge.agent.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import wedge.agent.runtime.AgentThread;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.ThreadRegistry;
import wedge.agent.runtime.ThreadState;

/**
 * Detects a hang: no point passed for the timeout while some thread is inside instrumented code, or a thread
 * spinning through points in one call for the timeout ({@link SpinDetector}).
 *
 * <p>The event counter, with the starts and ends of the strategy's pauses, is the heartbeat. When it stalls for the timeout, the watchdog looks at the stacks of the
 * threads that have passed points: a thread with a frame of a woven class is inside the instrumented code and
 * stuck there (a cyclic freelist, a lost wake-up). A workload that simply finished using the allocator has no such
 * frame, so it never fires; the stall clock then restarts. Nor does it fire while a thread is in a pause the
 * strategy chose: a pause longer than the timeout ({@code p=1,duration=30s}) is the agent's own doing.
 */
public final class HangWatchdog implements Runnable {
    private final long timeoutNanos;
    private final EventLog ring;
    private final ThreadRegistry threads;
    private final Set<String> wovenClasses;
    private final Capture capture;
    private final SpinDetector spins;

    /**
     * @param timeoutNanos stall that counts as a hang
     * @param wovenClasses live set of the classes the agent wove
     */
    public HangWatchdog(long timeoutNanos, EventLog ring, ThreadRegistry threads, Set<String> wovenClasses,
                        Capture capture) {
        this.timeoutNanos = timeoutNanos;
        this.ring = ring;
        this.threads = threads;
        this.wovenClasses = wovenClasses;
        this.capture = capture;
        this.spins = new SpinDetector(timeoutNanos, ring, wovenClasses);
    }

    /** Starts the watchdog on a daemon thread. */
    public void start() {
        AgentThread.daemon(this, "wedge-hang-watchdog").start();
    }

    @Override
    public void run() {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        long lastCount = heartbeat();
        long lastChange = System.nanoTime();
        while (!capture.started()) {
            try {
                TimeUnit.NANOSECONDS.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long count = heartbeat();
            long now = System.nanoTime();
            for (ThreadState t : threads.all()) {
                if (spins.spunTooLong(t, now)) {
                    capture.onHang(List.of(t), spins.spinningNanos(t, now), "spun through one cycle of points in "
                            + "one call for");
                    return;
                }
            }
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            } else if (now - lastChange >= timeoutNanos && !anyPausing()) {
                List<ThreadState> inside = inside();
                if (!inside.isEmpty()) {
                    capture.onHang(inside, now - lastChange, "no point passed for");
                    return;
                }
                lastChange = now;
            }
        }
    }

    /** Points passed and pauses entered or left: any change is progress. */
    private long heartbeat() {
        long n = ring.total();
        for (ThreadState t : threads.all()) {
            n += t.pauseEdges();
        }
        return n;
    }

    /**
     * Whether some thread sits in one of the strategy's pauses. Then a stall is the agent's doing, even for the
     * threads not pausing (they may wait on one that is); a thread really stuck is still found once the pauses end,
     * since a pause lasts at most the strategy's duration.
     */
    private boolean anyPausing() {
        for (ThreadState t : threads.all()) {
            if (t.pausing()) {
                return true;
            }
        }
        return false;
    }

    private List<ThreadState> inside() {
        List<ThreadState> found = new ArrayList<>();
        for (ThreadState t : threads.all()) {
            if (t.thread.isAlive() && inWovenCode(t.thread.getStackTrace())) {
                found.add(t);
            }
        }
        return found;
    }

    private boolean inWovenCode(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (wovenClasses.contains(f.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
