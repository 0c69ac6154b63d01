package wedge.junit.example;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** The examples' workload: two threads take tickets at once; a ticket seen twice is a {@link DuplicateTicket}. */
public final class TicketRush {
    /** Tickets each thread takes. */
    static final int PER_THREAD = 2000;

    private TicketRush() {
    }

    /**
     * Takes one ticket in the calling thread, then {@link #PER_THREAD} in each of two threads at once.
     *
     * <p>The first ticket makes the calling thread pass a point before it starts the others, so a scheduling strategy
     * sees them start in its program order: under {@code controlled} a seed then names one schedule.
     *
     * @throws DuplicateTicket the first duplicate a thread saw
     */
    public static void run(LongSupplier take) throws InterruptedException {
        Set<Long> issued = ConcurrentHashMap.newKeySet();
        record(issued, take.getAsLong());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int n = 0; n < PER_THREAD; n++) {
                    record(issued, take.getAsLong());
                }
            }, "rush-" + i);
            threads[i].setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f != null) {
            throw new AssertionError(f);
        }
    }

    private static void record(Set<Long> issued, long ticket) {
        if (!issued.add(ticket)) {
            throw new DuplicateTicket(ticket);
        }
    }
}
