import java.util.concurrent.atomic.AtomicInteger;

/**
 * A start-once gate written as check-then-act on a plain flag: {@code if (!started) { started = true; start(); }}.
 * Two threads race to open a new gate, round after round; when both got through the same gate, the program throws
 * {@link StartedTwice}, the fault its profile (oncegate.points) names.
 *
 * <p>Usage: {@code java OnceGate [ROUNDS]} (default 2000).
 */
public class OnceGate {
    /** Both threads got through one gate: what was to run once ran twice. */
    public static final class StartedTwice extends RuntimeException {
        StartedTwice(int round) {
            super("gate of round " + round + " started twice");
        }
    }

    private final int round;
    private final AtomicInteger starts = new AtomicInteger();
    private boolean started;

    OnceGate(int round) {
        this.round = round;
    }

    void open() {
        if (!started) {
            started = true;
            starts.incrementAndGet();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        for (int r = 0; r < rounds; r++) {
            OnceGate gate = new OnceGate(r);
            Thread a = new Thread(gate::open, "opener-a");
            Thread b = new Thread(gate::open, "opener-b");
            a.start();
            b.start();
            a.join();
            b.join();
            if (gate.starts.get() != 1) {
                throw new StartedTwice(r);
            }
        }
        System.out.println("every gate of " + rounds + " rounds started once");
    }

    @Override
    public String toString() {
        return "gate" + round;
    }
}
