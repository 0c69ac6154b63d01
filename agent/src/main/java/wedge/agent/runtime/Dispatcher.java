package wedge.agent.runtime;

import wedge.agent.bootstrap.Sink;

/**
 * The agent's {@link Sink}: every armed point passes through here.
 *
 * <p>The agent's own threads ({@link AgentThread}) and a thread already inside the agent pass no point: points may
 * sit in classes the agent uses itself (see {@link ThreadState#inAgent}).
 *
 * <p>Order at a point: honour a pending stop, count the hit, then record and run the strategy.
 * An event's time stamp is taken before the check of a pending stop: a capture that requests the stop and then reads
 * the clock (volatile write, then read) knows that every event stamped after that reading is held back, so a dump's
 * events all come before its fault. The event is recorded as close as
 * possible to the access it stands for: after a read, the event comes first and the strategy's pause follows (the
 * thread then holds a value that may go stale); before a write, the pause comes first (so the value written may be
 * stale by the time it lands) and the event is recorded last, just before the write.
 */
public final class Dispatcher implements Sink {
    private final ThreadRegistry threads;
    private final EventLog log;
    private final Stopper stopper;
    private final Strategy strategy;
    private final FaultHandler faults;
    private final RecentThrows recentThrows = new RecentThrows();

    /**
     * @param strategy what to do at a point; null when points are disarmed (then only faults arrive here)
     */
    public Dispatcher(ThreadRegistry threads, EventLog log, Stopper stopper, Strategy strategy,
                      FaultHandler faults) {
        this.threads = threads;
        this.log = log;
        this.stopper = stopper;
        this.strategy = strategy;
        this.faults = faults;
    }

    @Override
    public void after(Object subject, long value, int point, String site) {
        long now = System.nanoTime();
        ThreadState t = threads.current();
        if (t == null || t.inAgent) {
            return;
        }
        t.inAgent = true;
        try {
            if (stopper.requested() && stopped(t)) {
                return;
            }
            long hit = t.hits++;
            log.record(t, point, site, subject, value, now);
            strategy.at(t, point, hit, subject, value, site);
        } finally {
            t.inAgent = false;
        }
    }

    @Override
    public void before(Object subject, long value, int point, String site) {
        ThreadState t = threads.current();
        if (t == null || t.inAgent) {
            return;
        }
        t.inAgent = true;
        try {
            if (stopper.requested() && stopped(t)) {
                return;
            }
            long hit = t.hits++;
            strategy.at(t, point, hit, subject, value, site);
            // Checked again after the pause: a stop requested meanwhile must hold the thread before its write.
            long now = System.nanoTime();
            if (stopper.requested()) {
                stopper.hold(t);
                now = System.nanoTime();
            }
            log.record(t, point, site, subject, value, now);
        } finally {
            t.inAgent = false;
        }
    }

    /**
     * A thread that has passed points announces the child it starts, so the child gets its ordinal now, in the
     * parent's program order; a child of any other thread gets one when it first passes a point.
     */
    @Override
    public void threadStart(Object child) {
        ThreadState parent = threads.peek();
        if (parent != null && !stopper.requested()) {
            strategy.threadStarting(parent, threads.announce((Thread) child));
        }
    }

    /**
     * A fault type constructed by the agent itself, or inside a hook, is the agent's own: never a fault. Only looked
     * up, not registered: a thread that constructs one and catches it keeps the ordinals of the threads after it.
     */
    @Override
    public void faultEntered() {
        ThreadState t = threads.peek();
        if (t == null ? !AgentThread.current() : !t.inAgent) {
            faults.onFaultEntered();
        }
    }

    /** {@link ThreadRegistry#current} is null for the agent's own threads, which never fault. */
    @Override
    public void fault(Object fault) {
        ThreadState t = threads.current();
        if (t == null || t.inAgent) {
            return;
        }
        t.inAgent = true;
        try {
            faults.onFault((Throwable) fault, t);
        } finally {
            t.inAgent = false;
        }
    }

    /**
     * Remembers where the calling thread stands, for the case that {@code exception} escapes it. A thread that has
     * passed no point is not registered here: an ordinal given at a caught exception would shift the ordinals that
     * a seed's decisions are keyed on.
     */
    @Override
    public void thrown(Object exception) {
        if (AgentThread.current()) {
            return;
        }
        ThreadState t = threads.peek();
        if (t == null) {
            recentThrows.add(new Thrown((Throwable) exception, System.nanoTime(), -1, null, -1));
        } else if (!t.inAgent) {
            recentThrows.add(new Thrown((Throwable) exception, System.nanoTime(), t.lastPoint, t.lastSite,
                    t.lastLocal));
        }
    }

    /** An exit with a status other than 0, by a thread of the application, is a fault. */
    @Override
    public void exiting(int status) {
        if (status == 0) {
            return;
        }
        ThreadState t = threads.current();
        if (t == null || t.inAgent) {
            return;
        }
        t.inAgent = true;
        try {
            faults.onExit(status, t);
        } finally {
            t.inAgent = false;
        }
    }

    /** {@code fault} escaped the calling thread uncaught; see {@link FaultHandler#onUncaught}. */
    public void uncaught(Throwable fault) {
        faults.onUncaught(fault, threads.current(), recentThrows.find(fault));
    }

    @Override
    public long events() {
        return log.total();
    }

    /**
     * Slow path while a capture runs: the capturing thread skips the point entirely (its snapshot is not part of
     * the story); any other thread is held until the capture is over, then passes the point as usual.
     *
     * @return whether the caller must skip the point
     */
    private boolean stopped(ThreadState t) {
        if (stopper.isCapturer()) {
            return true;
        }
        stopper.hold(t);
        return false;
    }
}
