package wedge.sample;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Two threads sweep the same fresh array of {@link OneShot}s round after round, starting each round together, so
 * they claim the same objects a moment apart: near misses on {@code OneShot.taken}, and a lost check-then-act
 * whenever one is caught in between. Never faults. Before the rounds, the first thread sweeps an array of its own
 * while the second has not started yet, so a run's first accesses are one thread's alone.
 *
 * <p>Argument: run time in milliseconds. Prints {@code claims: N of M} (N > M when a check-then-act was lost).
 */
public final class ClaimWorkload {
    private static final int BOXES = 64;

    private static volatile OneShot[] current = fresh();
    private static volatile boolean stop;

    private ClaimWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[0]));
        long[] rounds = new long[1];
        CyclicBarrier barrier = new CyclicBarrier(2, () -> {
            stop = System.nanoTime() - end >= 0;
            current = fresh();
            rounds[0]++;
        });
        long[] wins = new long[2];
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            int me = w;
            workers[w] = new Thread(() -> {
                if (me == 0) {
                    wins[0] += sweep(fresh());
                }
                try {
                    while (true) {
                        barrier.await();
                        if (stop) {
                            return;
                        }
                        wins[me] += sweep(current);
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
            }, "claimer-" + w);
        }
        workers[0].start();
        Thread.sleep(20);
        workers[1].start();
        for (Thread t : workers) {
            t.join();
        }
        System.out.println("claims: " + (wins[0] + wins[1]) + " of " + (rounds[0] * BOXES));
    }

    private static long sweep(OneShot[] boxes) {
        long won = 0;
        for (OneShot box : boxes) {
            if (box.claim()) {
                won++;
            }
        }
        return won;
    }

    private static OneShot[] fresh() {
        OneShot[] boxes = new OneShot[BOXES];
        for (int i = 0; i < BOXES; i++) {
            boxes[i] = new OneShot();
        }
        return boxes;
    }
}
