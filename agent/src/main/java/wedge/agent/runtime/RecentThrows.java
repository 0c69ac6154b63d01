package wedge.agent.runtime;

/**
 * Per thread, the last few {@link Thrown} records, newest first. A few rather than one: an exception on its way out
 * may pass a {@code finally} that makes and catches another before it escapes.
 */
final class RecentThrows {
    private static final int KEEP = 4;
    private final ThreadLocal<Thrown[]> recent = ThreadLocal.withInitial(() -> new Thrown[KEEP]);

    /** Remembers {@code t} for the calling thread, forgetting its oldest. */
    void add(Thrown t) {
        Thrown[] r = recent.get();
        System.arraycopy(r, 0, r, 1, KEEP - 1);
        r[0] = t;
    }

    /** The calling thread's record of {@code exception}, or null when it did not make it lately (or at all). */
    Thrown find(Throwable exception) {
        for (Thrown t : recent.get()) {
            if (t != null && t.exception() == exception) {
                return t;
            }
        }
        return null;
    }
}
