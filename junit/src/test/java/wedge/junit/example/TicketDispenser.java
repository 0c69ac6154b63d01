package wedge.junit.example;

/**
 * Hands out ticket numbers. {@link #take} is the race: a plain read and a plain write of {@code next} with nothing
 * between two threads, so both can read the same number. {@link #takeLocked} is its fix.
 */
public final class TicketDispenser {
    private long next;

    /** The next ticket, racily. */
    public long take() {
        long t = next;
        next = t + 1;
        return t;
    }

    /** The next ticket, under this object's lock. */
    public synchronized long takeLocked() {
        long t = next;
        next = t + 1;
        return t;
    }
}
