package wedge.agent.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.Durations;
import wedge.agent.config.ScheduleOptions;
import wedge.agent.config.SearchKind;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.runtime.AgentThread;
import wedge.agent.runtime.Stopper;
import wedge.agent.runtime.Strategy;
import wedge.agent.runtime.ThreadState;

/**
 * The {@code controlled} and {@code script} strategies: threads that reach points run one at a time, and a
 * {@link Search} decides at every point which of the waiting threads goes on.
 *
 * <p>Invariants, all under this object's lock:
 * <ul>
 * <li>at most one member is {@link Member.Status#RUNNING}, the holder; every other member that has reached a point
 * waits in {@link #awaitTurn} until it is made the holder;</li>
 * <li>one decision at a time ({@link #deciding}), taken by the holder at its point, or by the {@link StallMonitor}
 * when the holder has ended, blocked outside any point, or stalled;</li>
 * <li>before each decision every announced child has reached its first point or left, so who can be chosen
 * depends only on the schedule so far, never on how fast a new thread started.</li>
 * </ul>
 * Threads join when their parent starts them (an announcement, in the parent's program order) or, unannounced, when
 * they first reach a point. Whatever happens at a moment the seed did not choose (an unannounced thread joining while
 * others are scheduled, a thread coming back from blocking outside any point, a thread that runs on without reaching
 * a point) is recorded as lost determinism, and the others go on.
 */
public final class Scheduler implements Strategy {
    /** How long a thread must stay blocked (outside any point) before the others go on without it. */
    static final long BLOCKED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Search search;
    private final List<Point> points;
    private final long stallNanos;
    private final Stopper stopper;
    private final ScheduleLog log = new ScheduleLog();
    /** Every member, in ordinal order. */
    private final List<Member> members = new ArrayList<>();
    /** Members by thread state; read before taking the lock, so a thread can say it is inside first. */
    private final Map<ThreadState, Member> byState = new ConcurrentHashMap<>();
    private volatile Member holder;
    private volatile boolean closed;
    /** Set by {@link #release}: no thread waits for its turn any more. */
    private volatile boolean released;
    private boolean deciding;
    private long decisions;

    private Scheduler(Search search, List<Point> points, long stallNanos, Stopper stopper) {
        this.search = search;
        this.points = points;
        this.stallNanos = stallNanos;
        this.stopper = stopper;
    }

    /**
     * The scheduler {@code options} ask for, its monitor started: a {@link ScriptSearch} over {@code script} under
     * {@code strategy=script}, else the seeded search of {@code search=}.
     *
     * @param stopper the capture's stop: while one is in force the schedule stands still
     */
    public static Scheduler start(AgentOptions options, List<Point> points, Script script, Stopper stopper) {
        ScheduleOptions o = options.schedule();
        Search search = script != null ? new ScriptSearch(script)
                : o.search() == SearchKind.PCT ? new Pct(options.seed(), o.pctDepth(), o.pctSteps())
                : new RandomWalk(options.seed());
        Scheduler s = new Scheduler(search, points, o.stallNanos(), stopper);
        if (script != null) {
            Runtime.getRuntime().addShutdownHook(AgentThread.shutdownHook(s::reportScript, "wedge-script-report"));
        }
        AgentThread.daemon(new StallMonitor(s), "wedge-scheduler").start();
        return s;
    }

    @Override
    public void at(ThreadState t, int point, long hit, Object subject, long value, String site) {
        Member known = byState.get(t);
        if (known != null) {
            known.inside = true;
        }
        Member me;
        synchronized (this) {
            me = arrive(t, new Arrival(point, points.get(point).name(), site, subject, value, hit));
        }
        awaitTurn(me);
    }

    @Override
    public synchronized void threadStarting(ThreadState parent, ThreadState child) {
        Member c = join(child, Member.Status.STARTING);
        Member p = byState.get(parent);
        if (p == null || p != holder) {
            log.lost(c, "started by T" + parent.ordinal + " while that thread was not scheduled");
        }
    }

    /** Ends the {@link StallMonitor}; the run this scheduler served is over. */
    @Override
    public void close() {
        closed = true;
    }

    /** Lets every thread waiting for its turn go on, unscheduled: the run is over and the JVM runs on. */
    @Override
    public void release() {
        close();
        released = true;
        synchronized (this) {
            for (Member m : members) {
                LockSupport.unpark(m.state.thread);
            }
            notifyAll();
        }
    }

    /** Whether {@link #close} was called. */
    boolean closed() {
        return closed;
    }

    @Override
    public synchronized Map<String, Object> record() {
        return log.describe(search.describe());
    }

    /**
     * Says, when the JVM exits normally, how far the script got: a run without a fault has no dump to say it, and
     * a script that cannot be satisfied (a step whose thread never gets there) is a result, not an error.
     */
    private synchronized void reportScript() {
        Map<String, Object> d = search.describe();
        List<?> skipped = (List<?>) d.get("skipped");
        Log.info("script " + d.get("script") + ": " + d.get("reached") + " of " + d.get("steps") + " steps reached"
                + (skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped: " + String.join("; ",
                skipped.stream().map(String::valueOf).toList())));
    }

    /** Thread {@code t} has reached a point: it waits there, and decides when it held the turn. */
    private Member arrive(ThreadState t, Arrival a) {
        Member me = byState.get(t);
        if (me == null) {
            boolean others = members.stream().anyMatch(Scheduler::live);
            me = join(t, Member.Status.READY);
            me.inside = true;
            if (others) {
                log.lost(me, "joined unannounced (not started by a scheduled thread) while others were scheduled");
            }
        } else if (me.status == Member.Status.LEFT) {
            log.lost(me, "came back to a point after it " + me.leftReason);
        }
        me.at = a;
        me.status = Member.Status.READY;
        notifyAll();
        if (holder == me || (holder == null && !deciding)) {
            decide(me);
        }
        return me;
    }

    private Member join(ThreadState t, Member.Status status) {
        Member m = new Member(t, status, System.nanoTime());
        int i = members.size();
        while (i > 0 && members.get(i - 1).state.ordinal > t.ordinal) {
            i--;
        }
        members.add(i, m);
        byState.put(t, m);
        search.joined(m);
        return m;
    }

    private static boolean live(Member m) {
        return m.status == Member.Status.STARTING || m.status == Member.Status.READY
                || m.status == Member.Status.RUNNING;
    }

    /** Waits, parked, until the calling thread is the holder or the run is over. */
    private void awaitTurn(Member me) {
        me.state.parked(true);
        while (holder != me && !released) {
            LockSupport.park(this);
        }
        me.state.parked(false);
        me.resumes++;
        me.inside = false;
    }

    /**
     * Chooses the next holder and lets it go on. {@code from} was the holder: waiting at its point, or gone.
     * Caller holds the lock.
     */
    private void decide(Member from) {
        deciding = true;
        try {
            awaitStarting();
            List<Member> ready = new ArrayList<>();
            for (Member m : members) {
                if (m.status == Member.Status.READY) {
                    ready.add(m);
                }
            }
            Member next = ready.isEmpty() ? null : search.pick(ready, members, from, decisions);
            log.ran(from, next);
            holder = next;
            if (next != null) {
                decisions++;
                log.trace(next.state.ordinal, next.at.point(), next.at.value());
                next.status = Member.Status.RUNNING;
                next.sinceNanos = System.nanoTime();
                next.blockedSinceNanos = 0;
                LockSupport.unpark(next.state.thread);
            }
        } finally {
            deciding = false;
        }
    }

    /**
     * Waits until no announced thread is on its way to its first point: each arrives, ends, blocks, or stalls.
     * Releases the lock while it waits; arrivals wake it.
     */
    private void awaitStarting() {
        for (;;) {
            boolean pending = false;
            long now = System.nanoTime();
            for (Member m : members) {
                if (m.status != Member.Status.STARTING) {
                    continue;
                }
                Thread.State st = m.state.thread.getState();
                if (st == Thread.State.TERMINATED) {
                    m.status = Member.Status.DONE;
                } else if (!m.inside && blocked(m, st, now)) {
                    leave(m, "blocked before its first point (" + st + ")");
                } else if (!m.inside && now - m.sinceNanos > stallNanos) {
                    leave(m, "did not reach its first point within " + Durations.format(stallNanos));
                    log.lost(m, m.leftReason);
                } else {
                    pending = true;
                }
            }
            if (!pending || released) {
                return;
            }
            try {
                wait(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One look at the holder, from the {@link StallMonitor}: one that ended, blocked outside any point for
     * {@link #BLOCKED_NANOS}, or ran for the stall bound without reaching a point, gives up its turn.
     */
    synchronized void watch() {
        Member h = holder;
        if (h == null || deciding || h.inside || h.status != Member.Status.RUNNING || stopper.requested()) {
            return;
        }
        Thread.State st = h.state.thread.getState();
        long now = System.nanoTime();
        if (st == Thread.State.TERMINATED) {
            h.status = Member.Status.DONE;
            h.at = null;
            decide(h);
        } else if (blocked(h, st, now)) {
            leave(h, "blocked outside any point (" + st + ")");
            decide(h);
        } else if (st == Thread.State.RUNNABLE && now - h.sinceNanos > stallNanos) {
            leave(h, "ran " + Durations.format(stallNanos) + " without reaching a point");
            log.lost(h, h.leftReason);
            decide(h);
        }
    }

    /** Whether {@code m}, in state {@code st}, has been blocked for {@link #BLOCKED_NANOS} without running. */
    private static boolean blocked(Member m, Thread.State st, long now) {
        boolean waiting = st == Thread.State.BLOCKED || st == Thread.State.WAITING
                || st == Thread.State.TIMED_WAITING;
        if (!waiting) {
            m.blockedSinceNanos = 0;
            return false;
        }
        if (m.blockedSinceNanos == 0) {
            m.blockedSinceNanos = now;
            m.blockedResumes = m.resumes;
            return false;
        }
        return now - m.blockedSinceNanos >= BLOCKED_NANOS && m.resumes == m.blockedResumes;
    }

    private static void leave(Member m, String why) {
        StackTraceElement[] stack = m.state.thread.getStackTrace();
        m.status = Member.Status.LEFT;
        m.at = null;
        m.leftReason = why + (stack.length == 0 ? "" : " at " + stack[0]);
    }
}
