import java.util.concurrent.atomic.AtomicInteger;

/**
 * A take-once gate written as check-then-act on a plain flag, tried by two threads that each spend a few tens of
 * microseconds of private work between two tries: {@code if (!gate.taken) { gate.taken = true; ... }}. Whoever takes
 * the current gate puts up the next one. The check and the act of one try are nanoseconds apart and the tries of the
 * two threads tens of microseconds apart, so the race is rare: both threads must read the flag of one gate in the few
 * nanoseconds before either writes it. When both took one gate, the program throws {@link TakenTwice}, the fault its
 * profile (spacedgate.points) names.
 *
 * <p>Usage: {@code java SpacedGate [SECONDS [WORK]]}: stop cleanly after SECONDS (default 60); WORK is the private
 * work between two tries, in rounds of a xorshift step: from WORK/2 to 3 WORK/2 (default 20000, some tens of
 * microseconds).
 */
public class SpacedGate {
    /** Both threads took one gate. */
    public static final class TakenTwice extends RuntimeException {
        TakenTwice(int number) {
            super("gate " + number + " taken twice");
        }
    }

    /**
     * Tries of gates of its own that each taker makes before the shared gates, half of them of a gate it took already:
     * the shared gates are then tried by warmed-up code only. Under an agent a thread's first thousands of passes
     * through woven code run interpreted hooks and meet the JIT's safepoints, which can hold a thread between its check
     * and its act for microseconds to milliseconds: a window of the tool's start-up, not of the race.
     */
    private static final int WARM_UP = 20_000;

    /** The gate the threads try now; replaced by whoever takes it. */
    private static volatile SpacedGate current = new SpacedGate(0);
    private static volatile Throwable failure;

    private final int number;
    private final AtomicInteger takers = new AtomicInteger();
    private boolean taken;

    SpacedGate(int number) {
        this.number = number;
    }

    /** Takes this gate if nobody did; returns whether this thread took it. */
    boolean tryTake() {
        if (!taken) {
            taken = true;
            if (takers.incrementAndGet() > 1) {
                throw new TakenTwice(number);
            }
            return true;
        }
        return false;
    }

    /** Private work, then one try of {@code gate}; returns the work's result so that the JIT keeps it. */
    static long step(long x, int rounds, SpacedGate gate) {
        // a length of its own each time, so that the two threads' tries do not fall into step
        int length = rounds / 2 + (int) ((x >>> 1) % rounds);
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        if (gate.tryTake() && gate == current) {
            current = new SpacedGate(gate.number + 1);
        }
        return x;
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[2];
        long[] sinks = new long[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                long x = 0x9E3779B97F4A7C15L + me;
                try {
                    SpacedGate own = new SpacedGate(-1);
                    for (int i = 0; i < WARM_UP; i++) {
                        x = step(x, rounds / 10, own);
                        own = i % 2 == 0 ? own : new SpacedGate(-1);
                    }
                    while (failure == null && System.nanoTime() - end < 0) {
                        x = step(x, rounds, current);
                    }
                } catch (TakenTwice e) {
                    failure = e;
                }
                sinks[me] = x;
            }, "taker-" + (char) ('a' + t));
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure instanceof TakenTwice e) {
            throw e;
        }
        System.out.println("no gate of " + current.number + " taken twice (" + (sinks[0] ^ sinks[1]) + ")");
    }

    @Override
    public String toString() {
        return "gate" + number;
    }
}
