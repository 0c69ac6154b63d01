package wedge.agent.runtime;

import java.util.ArrayList;
import java.util.Comparator;
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
        List<Event> events = new ArrayList<>();
        for (ThreadState t : all) {
            total += t.log.count();
            t.log.lastEvents(keep, events);
        }
        events.sort(Comparator.comparingLong(Event::nanos).thenComparingInt(Event::thread)
                .thenComparingLong(Event::seq));
        List<Event> kept = events.subList(Math.max(0, events.size() - keep), events.size());
        total = Math.max(total, kept.size());
        Map<Integer, Map<Long, Long>> seqs = new HashMap<>();
        List<Event> out = new ArrayList<>(kept.size());
        long first = total - kept.size();
        for (int i = 0; i < kept.size(); i++) {
            Event e = kept.get(i);
            long seq = first + i;
            seqs.computeIfAbsent(e.thread(), k -> new HashMap<>()).put(e.seq(), seq);
            out.add(new Event(seq, e.thread(), e.point(), e.site(), e.subject(), e.value(), e.nanos()));
        }
        return new Merged(total, out, seqs);
    }

    /**
     * Events as a dump shows them.
     *
     * @param total  events recorded in the whole run
     * @param events the last ones, {@code seq} = position in the run's merged order
     */
    public record Merged(long total, List<Event> events, Map<Integer, Map<Long, Long>> seqs) {
        /** The {@code seq} of {@code t}'s last event, or null when it passed no point or that event was not kept. */
        public Long lastSeqOf(ThreadState t) {
            Map<Long, Long> m = seqs.get(t.ordinal);
            return m == null ? null : m.get(t.lastLocal);
        }
    }
}
