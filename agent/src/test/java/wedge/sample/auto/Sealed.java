package wedge.sample.auto;

import java.util.concurrent.atomic.AtomicInteger;

/** Fields that cannot race: final, volatile, or plain but touched by one thread only (each thread's own object). */
final class Sealed {
    private final AtomicInteger shared;
    private volatile int last;
    private int own;

    Sealed(AtomicInteger shared) {
        this.shared = shared;
    }

    /** Adds to the shared counter and to {@code mine}'s own field, which no other thread touches. */
    void work(Sealed mine, int rounds) {
        for (int i = 0; i < rounds; i++) {
            shared.incrementAndGet();
            last = i;
            mine.own++;
        }
    }

    int total() {
        return shared.get() + last;
    }
}
