package wedge.agent.hunt;

import java.util.concurrent.TimeUnit;

/**
 * The few numbers the hunt's delay policy is made of, in one place (TSVD's and Waffle's knobs).
 *
 * <p>A near miss is two accesses of one field of one object by two threads, at least one a write, at most
 * {@link #WINDOW_NANOS} apart. A pause at a site lasts {@link #GAP_FACTOR} x (the 90th percentile of its pairs'
 * gaps + {@link #MARGIN_NANOS}), within [{@link #MIN_PAUSE_NANOS}, {@link #MAX_PAUSE_NANOS}]: long enough for the
 * partner to arrive, short enough not to stall the program. A site's chance of a pause starts at 1, halves with
 * every pause that catches nothing, never drops under {@link #FLOOR}, and is back to 1 when a pause catches; a pause
 * that catches nothing also doubles the site's pause, up to {@link #MAX_PAUSE_NANOS}, so a site costs the same time
 * per pass while its pauses reach further (see {@link Location#fruitless}).
 */
final class HuntPolicy {
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long MARGIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    static final double GAP_FACTOR = 1.15;
    static final long MIN_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    static final double DECAY = 0.5;
    /**
     * Until the run knows a pair (none loaded, no near miss yet), every field point pauses with this probability, for
     * {@link #EXPLORE_PAUSE_NANOS}: {@code noise}'s defaults. A race whose two sides are usually tens of microseconds
     * apart gives few near misses on one object (they are almost the race itself), so waiting for one can take
     * longer than blind noise takes to find the race; the first near miss or catch ends the exploring.
     */
    static final double EXPLORE_P = 0.02;
    static final long EXPLORE_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    static final double FLOOR = 1e-4;
    /**
     * Automatic points: the pause of the access that makes a field shared, once per field. It must outlast the other
     * thread's work on the field, which for a lazy initialisation is a constructor run for the first time (class
     * loading included): milliseconds, with no second chance in the run.
     */
    static final long SHARING_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** {@code order=force}: the longest a paused reader is held waiting for its partner's write. */
    static final long FORCE_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Slots of the last-access table, a power of two; a collision only loses a near miss. */
    static final int NEAR_MISS_SLOTS = 1 << 12;
    /** Slots of the trap table, a power of two; a collision only skips a pause. */
    static final int TRAP_SLOTS = 1 << 10;

    private HuntPolicy() {
    }

    /** The pause for a pair whose gaps' 90th percentile is {@code gapNanos}. */
    static long pauseFor(long gapNanos) {
        long d = (long) (GAP_FACTOR * (gapNanos + MARGIN_NANOS));
        return Math.max(MIN_PAUSE_NANOS, Math.min(MAX_PAUSE_NANOS, d));
    }
}
