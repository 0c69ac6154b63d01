package wedge.repro.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import wedge.allocator.AddressSpace;
import wedge.allocator.TinyHeap;

/**
 * Pure remote-free pressure: producer threads allocate blocks, write 'a','b' into them and leave them in a ring of
 * slots; consumer threads take them out and free them, so every free is a remote free. Each producer ends after a
 * batch and a new producer takes its place, so slabs outlive their owners as in Larson.
 */
public final class XThread implements Workload {
    private static final int RING = 1024;
    private static final int BATCH = 4096;
    private static final long STOP_GRACE_SECONDS = 10;

    private final TinyHeap heap;
    private final AddressSpace memory;
    private final int threads;
    private final int seconds;
    private final long seed;
    private final AtomicLongArray ring = new AtomicLongArray(RING);
    private final LongAdder ops = new LongAdder();
    private volatile boolean stop;

    /** {@code threads} producers and as many consumers, for {@code seconds}. */
    public XThread(TinyHeap heap, int threads, int seconds, long seed) {
        this.heap = heap;
        this.memory = heap.memory();
        this.threads = threads;
        this.seconds = seconds;
        this.seed = seed;
    }

    /**
     * Runs the workload and returns what it did.
     *
     * @throws IllegalStateException when a thread did not stop: it died or hangs
     */
    @Override
    public WorkloadResult run() throws InterruptedException {
        List<Thread> consumers = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            consumers.add(start("xthread-consumer-" + i, () -> consume(rnd.split())));
            producers.add(start("xthread-producer-" + i, () -> produce(rnd.split())));
        }
        TimeUnit.SECONDS.sleep(seconds);
        stop = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        List<Thread> all = new ArrayList<>(producers);
        all.addAll(consumers);
        for (Thread t : all) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                throw new IllegalStateException("xthread: " + t.getName() + " did not stop: it hangs");
            }
        }
        return new WorkloadResult(ops.sum(), System.nanoTime() - start);
    }

    @Override
    public void stop() {
        stop = true;
    }

    @Override
    public long ops() {
        return ops.sum();
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A chain of producers: each allocates a batch into the ring, then hands over to a new thread. */
    private void produce(SplittableRandom rnd) {
        while (!stop) {
            Thread generation = start(Thread.currentThread().getName() + "+", () -> {
                for (int n = 0; n < BATCH && !stop; n++) {
                    long p = heap.malloc(1 + rnd.nextInt(1024));
                    memory.store1(p, (byte) 'a');
                    memory.store1(p + 1, (byte) 'b');
                    long old = ring.getAndSet(rnd.nextInt(RING), p);
                    heap.free(old);
                    ops.add(old == 0 ? 1 : 2);
                }
                heap.threadExit();
            });
            try {
                generation.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void consume(SplittableRandom rnd) {
        while (!stop) {
            long p = ring.getAndSet(rnd.nextInt(RING), 0);
            if (p == 0) {
                Thread.onSpinWait();
                continue;
            }
            heap.free(p);
            ops.increment();
        }
        heap.threadExit();
    }
}
