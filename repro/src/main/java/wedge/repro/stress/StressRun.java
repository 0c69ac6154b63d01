package wedge.repro.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import wedge.allocator.AllocatorConfig;
import wedge.allocator.SegmentationFault;
import wedge.allocator.TinyHeap;

/**
 * The self-check workload: threads allocate, write, exchange and free blocks directly on a {@link TinyHeap}, while
 * a shadow record of every live block catches a block handed out twice; at the end a census of the heap finds
 * blocks that are neither live, free nor queued.
 *
 * <p>A fault or an allocator error ends the thread that hit it and is counted, never thrown: the heap is corrupt
 * past that point, and the other threads' findings are still worth reporting.
 */
public final class StressRun {
    private static final Logger log = LoggerFactory.getLogger(StressRun.class);
    /** Blocks each thread keeps live. */
    private static final int SLOTS = 256;
    /** Blocks in flight between threads: a thread swaps one of its blocks for one another thread left here. */
    private static final int EXCHANGE = 64;
    /** How long to wait for workers past the deadline before giving up on them. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final TinyHeap heap;
    private final int threads;
    private final Duration duration;
    private final long seed;
    private final Set<Long> live = ConcurrentHashMap.newKeySet();
    private final AtomicLongArray exchange = new AtomicLongArray(EXCHANGE);
    private final LongAdder ops = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder doubleAlloc = new LongAdder();

    /** A run of {@code threads} workers for {@code duration} on a fresh heap of {@code config}. */
    public StressRun(AllocatorConfig config, int threads, Duration duration, long seed) {
        this.heap = new TinyHeap(config);
        this.threads = threads;
        this.duration = duration;
        this.seed = seed;
    }

    /** Runs the workers and takes the census; returns within the duration plus a short grace. */
    public StressResult run() throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            Thread t = new Thread(() -> work(rnd, deadline), "stress-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        long hung = 0;
        for (Thread t : workers) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + GRACE.toMillis()));
            if (t.isAlive()) {
                hung++;
                log.warn("{} did not finish within the grace period; counted as a fault, census is approximate",
                        t.getName());
            }
        }
        faults.add(hung);
        for (int i = 0; i < EXCHANGE; i++) {
            if (exchange.get(i) != 0) {
                live.add(exchange.get(i));
            }
        }
        return new StressResult(ops.sum(), faults.sum(), doubleAlloc.sum(), heap.census().leaked(live.size()));
    }

    private void work(SplittableRandom rnd, long deadline) {
        long[] slots = new long[SLOTS];
        try {
            for (int i = 0; i < SLOTS; i++) {
                slots[i] = allocate(rnd);
            }
            while (System.nanoTime() < deadline) {
                for (int k = 0; k < 1024; k++) {
                    int i = rnd.nextInt(SLOTS);
                    if (rnd.nextInt(4) == 0) {
                        // Hand this block to whichever thread next visits the slot; free what was left there.
                        slots[i] = exchange.getAndSet(rnd.nextInt(EXCHANGE), slots[i]);
                    }
                    release(slots[i]);
                    slots[i] = allocate(rnd);
                }
                ops.add(2048);
            }
            heap.threadExit();
        } catch (SegmentationFault f) {
            faults.increment();
            log.warn("{}: {}", Thread.currentThread().getName(), f.getMessage());
        } catch (RuntimeException e) {
            faults.increment();
            log.warn("{}: allocator error: {}", Thread.currentThread().getName(), e.toString());
        }
    }

    private long allocate(SplittableRandom rnd) {
        long p = heap.malloc(1 + rnd.nextInt(1024));
        if (!live.add(p)) {
            doubleAlloc.increment();
            log.warn("block 0x{} handed out while still live", Long.toHexString(p));
        }
        heap.memory().store1(p, (byte) 'a');
        heap.memory().store1(p + 1, (byte) 'b');
        return p;
    }

    private void release(long p) {
        if (p != 0) {
            live.remove(p);
            heap.free(p);
        }
    }
}
