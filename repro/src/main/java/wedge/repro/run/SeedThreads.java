package wedge.repro.run;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one seed in a batch child: the seed's body and every thread it starts, which inherit this group.
 * An exception that escapes any of them ends the seed, as it ends a one-run child's JVM: it is printed the way the
 * JVM prints it ({@code Exception in thread "NAME" ...}, the line a launcher reads), and the first one is the seed's.
 */
final class SeedThreads extends ThreadGroup {
    private final AtomicReference<Throwable> escaped = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long endedNanos;

    SeedThreads(long seed) {
        super("wedge-seed-" + seed);
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println("Exception in thread \"" + t.getName() + "\" " + e);
            e.printStackTrace(err);
            err.flush();
        }
        escaped.compareAndSet(null, e);
        end();
    }

    private synchronized void end() {
        if (ended.getCount() > 0) {
            endedNanos = System.nanoTime();
            ended.countDown();
        }
    }

    /** Starts {@code body} on a thread of this group, named {@code name}; the seed ends when it returns. */
    Thread start(String name, Runnable body) {
        Thread t = new Thread(this, () -> {
            try {
                body.run();
            } finally {
                end();
            }
        }, name);
        t.start();
        return t;
    }

    /** Waits until the body returned or an exception escaped one of the seed's threads. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** When the seed ended ({@link System#nanoTime}), after {@link #awaitEnd}. */
    long endedNanos() {
        return endedNanos;
    }

    /** The first exception that escaped one of the seed's threads, or null. */
    Throwable escaped() {
        return escaped.get();
    }

    /**
     * Waits up to {@code millis} for every thread of the seed to end.
     *
     * @return those still alive then: none when the seed's threads all stopped
     */
    Thread[] join(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Thread[] live = new Thread[activeCount() + 8];
            int n = enumerate(live, true);
            Thread[] alive = Arrays.stream(live, 0, n).filter(Thread::isAlive).toArray(Thread[]::new);
            long left = deadline - System.nanoTime();
            if (alive.length == 0 || left <= 0) {
                return alive;
            }
            alive[0].join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
