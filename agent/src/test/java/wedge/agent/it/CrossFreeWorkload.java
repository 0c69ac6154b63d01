package wedge.agent.it;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import wedge.allocator.AllocatorConfig;
import wedge.allocator.TinyHeap;

/**
 * A Larson-style cross-thread-free workload on the real allocator, run in a child JVM by the integration tests.
 *
 * <p>Each round starts {@code threads} workers; worker i inherits block array i from its predecessor, replaces
 * random victims (freeing blocks another thread allocated), writes 'a','b' into the first two bytes of every block
 * it gets, as Larson does, and hands some new blocks to other live workers' arrays, whose owners free them later.
 * Slots change hands only by atomic exchange, so the workload itself never double-frees. Each worker calls
 * {@code threadExit()} at its end, and the next round's workers continue with the arrays.
 *
 * <p>Arguments: {@code preset threads rounds opsPerWorker seed [statusMillis]}. With {@code statusMillis}, a
 * daemon prints {@code status N} lines, N being the agent's event count read by reflection (-1 without agent).
 * Prints {@code done ...} and exits 0 when every worker finished; exits 1 when a worker died of an exception (a
 * corrupted heap shows up as {@code InvalidFree} too, not only as a fault).
 */
public final class CrossFreeWorkload {
    private static final int SLOTS = 256;

    private CrossFreeWorkload() {
    }

    public static void main(String[] args) throws Exception {
        TinyHeap heap = new TinyHeap(AllocatorConfig.preset(args[0]));
        int threads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int ops = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        if (args.length > 5) {
            startStatus(Long.parseLong(args[5]));
        }
        AtomicLongArray[] arrays = arrays(threads);
        boolean failed = false;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            failed |= round(heap, arrays, r, ops, seed);
        }
        if (failed) {
            System.exit(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("done %d rounds in %.2f s%n", rounds, seconds);
    }

    /** One block array per worker, all slots empty. */
    static AtomicLongArray[] arrays(int threads) {
        AtomicLongArray[] arrays = new AtomicLongArray[threads];
        for (int i = 0; i < threads; i++) {
            arrays[i] = new AtomicLongArray(SLOTS);
        }
        return arrays;
    }

    /**
     * Round {@code r}: one worker per array, each inheriting the array of its predecessor; returns whether a worker
     * died of an exception (printed).
     */
    static boolean round(TinyHeap heap, AtomicLongArray[] arrays, int r, int ops, long seed)
            throws InterruptedException {
        AtomicBoolean failed = new AtomicBoolean();
        Thread[] workers = new Thread[arrays.length];
        for (int i = 0; i < workers.length; i++) {
            int me = i;
            long workerSeed = seed * 1_000_003L + (long) r * workers.length + i;
            workers[i] = new Thread(() -> work(heap, arrays, me, ops, workerSeed), "worker-" + r + "-" + i);
            workers[i].setUncaughtExceptionHandler((t, e) -> {
                failed.set(true);
                e.printStackTrace();
            });
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return failed.get();
    }

    private static void work(TinyHeap heap, AtomicLongArray[] arrays, int me, int ops, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AtomicLongArray mine = arrays[me];
        for (int n = 0; n < ops; n++) {
            int victim = rnd.nextInt(SLOTS);
            heap.free(mine.getAndSet(victim, 0));
            long block = heap.malloc(8 + rnd.nextInt(57));
            heap.memory().store1(block, (byte) 'a');
            heap.memory().store1(block + 1, (byte) 'b');
            if (rnd.nextInt(4) == 0) {
                AtomicLongArray other = arrays[rnd.nextInt(arrays.length)];
                heap.free(other.getAndSet(rnd.nextInt(SLOTS), block));
            } else {
                heap.free(mine.getAndSet(victim, block));
            }
        }
        heap.threadExit();
    }

    private static void startStatus(long millis) {
        Thread t = new Thread(() -> {
            while (true) {
                System.out.println("status " + agentEvents());
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "status");
        t.setDaemon(true);
        t.start();
    }

    /** The agent's event count, read by reflection so that this program does not depend on the agent. */
    private static long agentEvents() {
        try {
            return (long) Class.forName("wedge.agent.bootstrap.HookWiring").getMethod("eventCount").invoke(null);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }
}
