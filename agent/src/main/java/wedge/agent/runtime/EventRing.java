package wedge.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded lock-free ring of the most recent events.
 *
 * <p>A writer claims a sequence number with one atomic increment and fills the slot it maps to; slots are
 * preallocated, so recording allocates nothing. Each slot is a small seqlock: the writer marks it busy (-1), writes
 * the fields, then publishes its sequence number with release semantics; a reader accepts a slot only when it sees
 * the same expected sequence number before and after reading the fields. The sequence counter doubles as the
 * "events so far" figure and as the hang watchdog's heartbeat.
 */
public final class EventRing {
    private static final VarHandle SEQ;

    static {
        try {
            SEQ = MethodHandles.lookup().findVarHandle(Slot.class, "seq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Slot[] slots;
    private final int mask;
    private final int keep;
    private final AtomicLong next = new AtomicLong();

    /** A ring that keeps the last {@code keep} events. */
    public EventRing(int keep) {
        int capacity = Integer.highestOneBit(Math.max(keep - 1, 1)) << 1;
        this.slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new Slot();
        }
        this.mask = capacity - 1;
        this.keep = keep;
    }

    /** Records an event and returns its sequence number. */
    public long record(int thread, int point, String site, Object subject, long value) {
        long seq = next.getAndIncrement();
        Slot s = slots[(int) seq & mask];
        SEQ.setOpaque(s, -1L);
        VarHandle.storeStoreFence();
        s.thread = thread;
        s.point = point;
        s.site = site;
        s.subject = subject;
        s.value = value;
        s.nanos = System.nanoTime();
        SEQ.setRelease(s, seq);
        return seq;
    }

    /** Events recorded so far. */
    public long total() {
        return next.get();
    }

    /** The last events still intact, oldest first; at most the configured count. */
    public List<Event> lastEvents() {
        long end = next.get();
        List<Event> out = new ArrayList<>(keep);
        for (long seq = Math.max(0, end - keep); seq < end; seq++) {
            Slot s = slots[(int) seq & mask];
            if ((long) SEQ.getAcquire(s) != seq) {
                continue;
            }
            Event e = new Event(seq, s.thread, s.point, s.site, s.subject, s.value, s.nanos);
            VarHandle.loadLoadFence();
            if ((long) SEQ.getAcquire(s) == seq) {
                out.add(e);
            }
        }
        return out;
    }

    /** One preallocated slot; {@code seq} is -1 while being written. */
    private static final class Slot {
        long seq = -1;
        int thread;
        int point;
        String site;
        Object subject;
        long value;
        long nanos;
    }
}
