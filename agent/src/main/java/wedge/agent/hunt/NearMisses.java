package wedge.agent.hunt;

/**
 * The last access to each (object, field), in a fixed table of slots, from which near misses are learned.
 *
 * <p>Slots are written with plain stores by whichever thread passes, on purpose: an atomic here would be the shared
 * fence on every access that {@code hunt} exists to avoid. A torn read (fields of two different accesses) can at
 * worst teach a pair that was not there, which costs a few fruitless pauses and decays; it can never make a race
 * report, which only a trap or a re-read makes.
 */
final class NearMisses {
    private final Slot[] slots = new Slot[HuntPolicy.NEAR_MISS_SLOTS];

    NearMisses() {
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    /**
     * Thread {@code ordinal} accessed {@code field} of {@code subject} at {@code at}, at time {@code now}: returns
     * the previous access when it is a near miss with this one (another thread, one of the two a write, at most
     * {@code window} apart) as that access's location, with its gap in {@code gapOut[0]}; else null. Then this access
     * becomes the slot's last.
     */
    Location see(Object subject, int field, int ordinal, Location at, boolean write, long now, long window,
                 long[] gapOut) {
        Slot s = slots[(System.identityHashCode(subject) * 31 + field) & (slots.length - 1)];
        Location hit = null;
        if (s.subject == subject && s.field == field && s.ordinal != ordinal && (write || s.write)) {
            long gap = now - s.nanos;
            if (gap >= 0 && gap <= window) {
                hit = s.at;
                gapOut[0] = gap;
            }
        }
        s.subject = subject;
        s.field = field;
        s.ordinal = ordinal;
        s.at = at;
        s.write = write;
        s.nanos = now;
        return hit;
    }

    /** One access; see the class comment for why its fields are plain. */
    private static final class Slot {
        Object subject;
        int field;
        int ordinal;
        Location at;
        boolean write;
        long nanos;
    }
}
