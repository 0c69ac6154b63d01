package wedge.agent.capture;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wedge.agent.runtime.Event;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.ThreadState;

/**
 * Finds a thread that spins through points: a loop that never ends but passes points on every lap, as a drain
 * walking a cyclic freelist does with the allocator's profile. Its points keep the event counter moving, so a stall
 * of the counter never shows it.
 *
 * <p>A thread spins when, at every look for the timeout, (1) it recorded at least {@link #MIN_EVENTS} events since
 * the look before, (2) its latest events are one cycle of (point, subject, value) repeated at least twice, the same
 * cycle each time, and (3) its stack is the same from its base up to its outermost woven frame: it never left the
 * call it loops in. A thread doing work touches new values or returns from the call; a thread held in the agent's
 * pauses records too few events to count ({@code p=1,duration=30s} is never a spin).
 */
final class SpinDetector {
    /** Events a thread must record between two looks to be taken for a spinning one. */
    static final int MIN_EVENTS = 256;
    /** Most of a thread's latest events looked at. */
    private static final int WINDOW = 4096;

    private final long timeoutNanos;
    private final EventLog ring;
    private final Set<String> wovenClasses;
    private final Map<ThreadState, Long> counts = new HashMap<>();
    private final Map<ThreadState, Spin> spins = new HashMap<>();

    SpinDetector(long timeoutNanos, EventLog ring, Set<String> wovenClasses) {
        this.timeoutNanos = timeoutNanos;
        this.ring = ring;
        this.wovenClasses = wovenClasses;
    }

    /** One look at {@code t}: whether it has spun in one call for the timeout, as of {@code now}. */
    boolean spunTooLong(ThreadState t, long now) {
        long count = ring.countOf(t);
        if (!t.thread.isAlive()) {
            counts.remove(t);
            spins.remove(t);
            return false;
        }
        Long before = counts.put(t, count);
        long recorded = before == null ? 0 : count - before;
        Set<Key> cycle = recorded < MIN_EVENTS ? null
                : cycle(ring.lastEventsOf(t, (int) Math.min(WINDOW, recorded)));
        // the stack only of a thread that repeats itself: taking it stops the thread for a moment
        StackTraceElement[] base = cycle == null ? null : base(t.thread.getStackTrace());
        Spin seen = base == null ? null : new Spin(cycle, List.of(base), now);
        Spin last = spins.get(t);
        if (seen == null) {
            spins.remove(t);
            return false;
        }
        if (last == null || !last.sameAs(seen)) {
            spins.put(t, seen);
            return false;
        }
        return now - last.since >= timeoutNanos;
    }

    /** How long {@code t} has spun, as of {@code now}. */
    long spinningNanos(ThreadState t, long now) {
        Spin s = spins.get(t);
        return s == null ? 0 : now - s.since;
    }

    /**
     * The frames from the thread's base up to its outermost woven frame, that frame by its method only (its line
     * moves as it loops); null when no frame is woven.
     */
    private StackTraceElement[] base(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            if (wovenClasses.contains(stack[i].getClassName())) {
                StackTraceElement[] base = Arrays.copyOfRange(stack, i, stack.length);
                StackTraceElement f = stack[i];
                base[0] = new StackTraceElement(f.getClassName(), f.getMethodName(), null, -1);
                return base;
            }
        }
        return null;
    }

    /** The cycle {@code events} repeat at least twice, or null when they are no such repetition. */
    private static Set<Key> cycle(List<Event> events) {
        if (events.size() < 2) {
            return null;
        }
        Key[] keys = new Key[events.size()];
        for (int i = 0; i < keys.length; i++) {
            Event e = events.get(i);
            keys[i] = new Key(e.point(), e.subject(), e.value());
        }
        int period = period(keys);
        return period > keys.length / 2 ? null : new HashSet<>(Arrays.asList(keys).subList(0, period));
    }

    /** The shortest p such that keys[i] = keys[i + p] for every i (Knuth-Morris-Pratt's failure function). */
    private static int period(Key[] keys) {
        int[] border = new int[keys.length];
        for (int i = 1; i < keys.length; i++) {
            int b = border[i - 1];
            while (b > 0 && !keys[i].equals(keys[b])) {
                b = border[b - 1];
            }
            border[i] = keys[i].equals(keys[b]) ? b + 1 : 0;
        }
        return keys.length - border[keys.length - 1];
    }

    /** A thread's cycle of events, the call it loops in, and when it was first seen so. */
    private record Spin(Set<Key> cycle, List<StackTraceElement> base, long since) {
        boolean sameAs(Spin other) {
            return cycle.equals(other.cycle) && base.equals(other.base);
        }
    }

    /** One event as the cycle compares it: subjects by identity, as the ring holds them. */
    private record Key(int point, Object subject, long value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.point == point && k.subject == subject && k.value == value;
        }

        @Override
        public int hashCode() {
            return (31 * point + System.identityHashCode(subject)) * 31 + Long.hashCode(value);
        }
    }
}
