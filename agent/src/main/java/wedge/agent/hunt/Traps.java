package wedge.agent.hunt;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The traps set right now, at most one per object (a collision of two objects on one slot only skips a pause).
 * Every armed field access looks here once: one volatile load, a plain load on x86.
 */
final class Traps {
    private final AtomicReferenceArray<Trap> slots = new AtomicReferenceArray<>(HuntPolicy.TRAP_SLOTS);

    /** The trap set on {@code subject}'s slot, or null; it may be another object's (compare its subject). */
    Trap at(Object subject) {
        return slots.get(index(subject));
    }

    /** Sets {@code t} unless its slot holds a trap already; returns whether it was set. */
    boolean set(Trap t) {
        return slots.compareAndSet(index(t.subject), null, t);
    }

    /** Removes {@code t}. */
    void clear(Trap t) {
        slots.compareAndSet(index(t.subject), t, null);
    }

    private static int index(Object subject) {
        return System.identityHashCode(subject) & (HuntPolicy.TRAP_SLOTS - 1);
    }
}
