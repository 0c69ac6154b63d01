package wedge.agent.schedule;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at the {@link Scheduler}'s holder every {@link #PERIOD_NANOS}: a thread that ends or blocks outside any
 * point never reaches the point where it would hand the turn on, so someone else has to notice.
 */
final class StallMonitor implements Runnable {
    /** How often the holder is looked at; the latency of noticing that a thread ended. */
    static final long PERIOD_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Scheduler scheduler;

    StallMonitor(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void run() {
        while (!scheduler.closed()) {
            LockSupport.parkNanos(PERIOD_NANOS);
            scheduler.watch();
        }
    }
}
