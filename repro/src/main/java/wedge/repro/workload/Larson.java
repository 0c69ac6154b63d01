package wedge.repro.workload;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import wedge.allocator.AddressSpace;
import wedge.allocator.TinyHeap;

/**
 * A port of the Larson server benchmark (Larson and Krishnan, ISMM 1998), as hakmem runs it.
 *
 * <p>The main thread allocates every block first. Each of {@code threads} arrays is then worked by one thread at a
 * time: it frees a random victim, allocates a block of random size in its place and writes 'a' then 'b' into its
 * first two bytes. After {@code rounds * chperthread} such steps the thread ends and a new thread takes the same
 * array over, so blocks are freed by threads other than the one that allocated them, and slabs outlive their
 * owners. After {@code sleep_cnt} seconds every chain of threads stops.
 */
public final class Larson implements Workload {
    /** How long past {@code sleep_cnt} the chains may take to stop before the run is declared broken. */
    private static final long STOP_GRACE_SECONDS = 10;
    /**
     * Steps a worker counts before it adds them to {@link #ops}: often enough that a progress report made at any
     * time is short by at most this many steps per thread, seldom enough that counting costs nothing measurable.
     */
    private static final int COUNT_BATCH = 64;

    private final TinyHeap heap;
    private final AddressSpace memory;
    private final LarsonArgs args;
    private final LongAdder ops = new LongAdder();
    private volatile boolean stop;
    private HeapCheck check;

    public Larson(TinyHeap heap, LarsonArgs args) {
        this.heap = heap;
        this.memory = heap.memory();
        this.args = args;
    }

    /**
     * Runs the benchmark and returns what it did. A fault in a worker ends that worker's chain through the
     * thread's uncaught-exception handler (a workload process halts there, as a C process dies of SIGSEGV).
     *
     * @throws IllegalStateException when some chains did not stop: a worker died or hangs
     */
    @Override
    public WorkloadResult run() throws InterruptedException {
        Lran2 warm = new Lran2(args.seed());
        long[][] arrays = new long[args.threads()][args.chPerThread()];
        for (long[] array : arrays) {
            for (int i = 0; i < array.length; i++) {
                array[i] = heap.malloc(size(warm));
            }
        }
        CountDownLatch chainsDone = new CountDownLatch(args.threads());
        long start = System.nanoTime();
        for (int t = 0; t < arrays.length; t++) {
            Lran2 rgen = new Lran2(args.seed() + t + 1);
            startWorker(arrays[t], rgen, t, 0, chainsDone);
        }
        TimeUnit.SECONDS.sleep(args.sleepCnt());
        stop = true;
        if (!chainsDone.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("larson: " + chainsDone.getCount() + " of " + args.threads()
                    + " worker chains did not stop: a worker died or hangs");
        }
        long elapsed = System.nanoTime() - start;
        check = HeapCheck.of(heap, arrays);
        return new WorkloadResult(ops.sum(), elapsed);
    }

    @Override
    public HeapCheck check() {
        return check;
    }

    @Override
    public void stop() {
        stop = true;
    }

    @Override
    public long ops() {
        return ops.sum();
    }

    private int size(Lran2 rgen) {
        int range = args.maxSize() - args.minSize();
        return range == 0 ? args.minSize() : args.minSize() + (int) (rgen.next() % range);
    }

    private void startWorker(long[] array, Lran2 rgen, int chain, int generation, CountDownLatch chainsDone) {
        Thread t = new Thread(() -> exerciseHeap(array, rgen, chain, generation, chainsDone),
                "larson-" + chain + "." + generation);
        t.setDaemon(true);
        t.start();
    }

    /** Larson's {@code exercise_heap}: one worker's rounds, then its successor. */
    private void exerciseHeap(long[] array, Lran2 rgen, int chain, int generation, CountDownLatch chainsDone) {
        long steps = (long) args.rounds() * array.length;
        long done = 0;
        while (done < steps && !stop) {
            int victim = (int) (rgen.next() % array.length);
            heap.free(array[victim]);
            long p = heap.malloc(size(rgen));
            array[victim] = p;
            memory.store1(p, (byte) 'a');
            memory.store1(p + 1, (byte) 'b');
            done++;
            if (done % COUNT_BATCH == 0) {
                ops.add(2 * COUNT_BATCH);
            }
        }
        ops.add(2 * (done % COUNT_BATCH));
        heap.threadExit();
        if (stop) {
            chainsDone.countDown();
        } else {
            startWorker(array, rgen, chain, generation + 1, chainsDone);
        }
    }
}
