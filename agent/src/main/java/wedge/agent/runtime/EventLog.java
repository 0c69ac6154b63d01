package wedge.agent.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's events: one {@link ThreadLog} per thread, merged in time-stamp order only when someone reads them.
 *
 * <p>Recording shares nothing between threads (see {@link ThreadLog}); the price is paid by the reader, a dump or
 * the hang watchdog. Events are ordered by {@code System.nanoTime()}, which is monotonic across the cores of one
 * machine; ties (rare: events of two threads in the same clock tick) go to the lower ordinal. Within a thread the
 * order is its program order.
 */
public final class EventLog {
    private final ThreadRegistry threads;
    private final int keep;

    /** The log of {@code threads}' events, of which a reader gets the last {@code keep}. */
    public EventLog(ThreadRegistry threads, int keep) {
        this.threads = threads;
        this.keep = keep;
    }

    /**
     * Records an event of {@code t}, on {@code t}'s own thread, and makes it that thread's last point.
     *
     * @param nanos when it happened, by {@code System.nanoTime()}; the caller takes it (see {@link Dispatcher})
     */
    public void record(ThreadState t, int point, String site, Object subject, long value, long nanos) {
        t.lastLocal = t.log.record(point, site, subject, value, nanos);
        t.lastPoint = point;
        t.lastSite = site;
    }

    /** Events recorded so far, by every thread; the hang watchdog's heartbeat. */
    public long total() {
        long n = 0;
        for (ThreadState t : threads.all()) {
            n += t.log.count();
        }
        return n;
    }

    /** Events {@code t} has recorded so far; safe from any thread. */
    public long countOf(ThreadState t) {
        return t.log.count();
    }

    /**
     * {@code t}'s last {@code keep} intact events (fewer when its ring holds fewer), oldest first, numbered in its
     * own log.
     */
    public List<Event> lastEventsOf(ThreadState t, int keep) {
        List<Event> out = new ArrayList<>();
        t.log.lastEvents(keep, out);
        return out;
    }

    /**
     * The last events still intact, at most the configured number, in time-stamp order, numbered with their
     * position in the whole run's merged order.
     */
    public Merged lastEvents() {
        List<ThreadState> all = threads.all();
        long total = 0;
        List<List<Event>> logs = new ArrayList<>(all.size());
        for (ThreadState t : all) {
            total += t.log.count();
            List<Event> own = new ArrayList<>();
            t.log.lastEvents(keep, own);
            logs.add(own);
        }
        List<Event> kept = lastInOrder(logs, keep);
        total = Math.max(total, kept.size());
        long first = total - kept.size();
        Event[] out = new Event[kept.size()];
        Map<Integer, long[]> lastKept = new HashMap<>();
        for (int i = kept.size() - 1; i >= 0; i--) {
            Event e = kept.get(i);
            long seq = first + i;
            if (!lastKept.containsKey(e.thread())) {
                lastKept.put(e.thread(), new long[] {e.seq(), seq});
            }
            out[i] = new Event(seq, e.thread(), e.point(), e.site(), e.subject(), e.value(), e.nanos());
        }
        return new Merged(total, Arrays.asList(out), lastKept);
    }

    /**
     * The last {@code keep} events of {@code logs} in time-stamp order, ties to the lower ordinal. Each log is one
     * thread's, in its program order, which is its time-stamp order ({@code System.nanoTime()} never goes back in a
     * thread), so the events are merged from the logs' ends and only those kept are compared: a dump's ring is a
     * small part of what the threads' logs hold, and sorting them all cost tens of milliseconds of the dump.
     */
    private static List<Event> lastInOrder(List<List<Event>> logs, int keep) {
        int[] next = new int[logs.size()];
        int available = 0;
        for (int i = 0; i < next.length; i++) {
            next[i] = logs.get(i).size() - 1;
            available += logs.get(i).size();
        }
        Event[] out = new Event[Math.min(keep, available)];
        for (int k = out.length - 1; k >= 0; k--) {
            int latest = -1;
            Event e = null;
            for (int i = 0; i < next.length; i++) {
                if (next[i] >= 0) {
                    Event c = logs.get(i).get(next[i]);
                    if (e == null || c.nanos() > e.nanos() || c.nanos() == e.nanos() && c.thread() > e.thread()) {
                        latest = i;
                        e = c;
                    }
                }
            }
            out[k] = e;
            next[latest]--;
        }
        return Arrays.asList(out);
    }

    /**
     * Events as a dump shows them.
     *
     * @param total    events recorded in the whole run
     * @param events   the last ones, {@code seq} = position in the run's merged order
     * @param lastKept per thread ordinal with events kept, its newest kept event: {its own number, its {@code seq}}
     */
    public record Merged(long total, List<Event> events, Map<Integer, long[]> lastKept) {
        /** The {@code seq} of {@code t}'s last event, or null when it passed no point or that event was not kept. */
        public Long lastSeqOf(ThreadState t) {
            return seqOf(t.ordinal, t.lastLocal);
        }

        /**
         * The {@code seq} of the event numbered {@code local} in the own log of the thread of {@code ordinal}, or
         * null when that event was not kept (or is newer than those kept).
         */
        public Long seqOf(int ordinal, long local) {
            long[] last = lastKept.get(ordinal);
            if (last == null || local < 0 || local > last[0]) {
                return null;
            }
            // A thread's kept events are the newest of its own, one after another in its numbering.
            long behind = last[0] - local;
            for (int i = (int) (last[1] - events.get(0).seq()); i >= 0; i--) {
                Event e = events.get(i);
                if (e.thread() == ordinal && behind-- == 0) {
                    return e.seq();
                }
            }
            return null;
        }
    }
}
