package wedge.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One thread's own ring of its most recent events, written only by that thread.
 *
 * <p>Why per thread: a shared sequence counter is a contended atomic on every armed access, a full fence that
 * serialises the very threads whose race is being widened. Here the writer touches only its own arrays and publishes
 * each event with one release store of {@link #count}; nothing is shared between writers. Global order is rebuilt
 * from the time stamps when a dump is written ({@link EventLog}).
 *
 * <p>Invariant: slot {@code i & mask} holds the thread's event number {@code i} for every {@code i} in
 * {@code [count - length, count)}. A reader that sees {@code count} = c before and c' after reading slot i may trust
 * it only if {@code i >= c' - length}: the writer had not come back round to it. The arrays grow by doubling up to
 * the capacity, so a thread that passes few points holds little memory.
 */
final class ThreadLog {
    private static final VarHandle COUNT;
    private static final VarHandle SLOTS;
    private static final int FIRST_SIZE = 256;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(ThreadLog.class, "count", long.class);
            SLOTS = lookup.findVarHandle(ThreadLog.class, "slots", Slots.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int ordinal;
    private final int capacity;
    @SuppressWarnings("unused") // through COUNT
    private volatile long count;
    @SuppressWarnings("unused") // through SLOTS
    private volatile Slots slots;

    /**
     * @param capacity most events kept, rounded up to a power of two
     */
    ThreadLog(int ordinal, int capacity) {
        this.ordinal = ordinal;
        this.capacity = Integer.highestOneBit(Math.max(capacity - 1, 1)) << 1;
        this.slots = new Slots(Math.min(FIRST_SIZE, this.capacity));
    }

    /** Records an event; called only by the owning thread. Returns the event's number in this thread's log. */
    long record(int point, String site, Object subject, long value, long nanos) {
        long i = (long) COUNT.getOpaque(this);
        Slots s = (Slots) SLOTS.getOpaque(this);
        if (i == s.length() && s.length() < capacity) {
            s = s.grown(Math.min(capacity, s.length() * 2));
            SLOTS.setRelease(this, s);
        }
        int at = (int) i & (s.length() - 1);
        s.point[at] = point;
        s.site[at] = site;
        s.subject[at] = subject;
        s.value[at] = value;
        s.nanos[at] = nanos;
        COUNT.setRelease(this, i + 1);
        return i;
    }

    /** Events recorded so far; safe from any thread. */
    long count() {
        return (long) COUNT.getAcquire(this);
    }

    /** Appends this thread's last {@code keep} intact events to {@code out}, oldest first. */
    void lastEvents(int keep, List<Event> out) {
        long end = count();
        Slots s = (Slots) SLOTS.getAcquire(this);
        long from = Math.max(0, end - Math.min(keep, s.length()));
        int first = out.size();
        for (long i = from; i < end; i++) {
            int at = (int) i & (s.length() - 1);
            out.add(new Event(i, ordinal, s.point[at], s.site[at], s.subject[at], s.value[at], s.nanos[at]));
        }
        long overwritten = count() - s.length();
        out.subList(first, out.size()).removeIf(e -> e.seq() < overwritten);
    }

    /** Parallel arrays of one size, a power of two; replaced, never resized in place. */
    private static final class Slots {
        final int[] point;
        final String[] site;
        final Object[] subject;
        final long[] value;
        final long[] nanos;

        Slots(int n) {
            point = new int[n];
            site = new String[n];
            subject = new Object[n];
            value = new long[n];
            nanos = new long[n];
        }

        int length() {
            return point.length;
        }

        Slots grown(int n) {
            Slots g = new Slots(n);
            System.arraycopy(point, 0, g.point, 0, point.length);
            System.arraycopy(site, 0, g.site, 0, site.length);
            System.arraycopy(subject, 0, g.subject, 0, subject.length);
            System.arraycopy(value, 0, g.value, 0, value.length);
            System.arraycopy(nanos, 0, g.nanos, 0, nanos.length);
            return g;
        }
    }
}
