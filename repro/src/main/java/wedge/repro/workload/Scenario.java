package wedge.repro.workload;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

import wedge.allocator.AddressSpace;
import wedge.allocator.TinyHeap;

/**
 * The scene of the seed's race (its section 1.3), set up for a script to play: an owner popping its slab's
 * {@code freelist} while a second thread drains that slab's remote queue into the same {@code freelist} without
 * owning it. {@code scripts/scenarios/seed-1.3.wedge} states the interleaving.
 *
 * <p>With the default cache geometry (64 blocks, refills of 16), the thread {@code owner}:
 * <ol>
 * <li>allocates 80 blocks of 64 B from a fresh slab ({@code ss0/slab0}): five refills carve them, its cache ends
 * empty;</li>
 * <li>frees 65 of them: its cache passes 64 and spills 32 onto the slab's {@code freelist};</li>
 * <li>allocates 33: its cache is empty again, 32 blocks wait on the freelist, so its next allocation pops it;</li>
 * <li>starts {@code drainer} with 24 of its blocks, then allocates {@link #OWNER_ROUNDS} blocks, writing 'a','b'
 * into each as Larson does, frees them all and exits.</li>
 * </ol>
 * The thread {@code drainer} frees the 24 blocks (remote frees queued on {@code ss0/slab0}, too few to make it the
 * hot slab), then allocates: its first allocation binds a fresh slab of the same SuperSlab, and under {@code fix2}
 * drains every slab of that SuperSlab with remote frees, the owner's included, without owning it.
 *
 * <p>Everything is sequenced by thread starts, never by time, so under a script the run is the same every time.
 */
public final class Scenario implements Workload {
    /** Block size: one size class for every allocation. */
    static final int SIZE = 64;
    /** Blocks the owner allocates once the drainer runs. */
    static final int OWNER_ROUNDS = 256;
    private static final int REMOTE_FREES = 24;

    private final TinyHeap heap;
    private final AddressSpace memory;
    private final LongAdder ops = new LongAdder();

    public Scenario(TinyHeap heap) {
        this.heap = heap;
        this.memory = heap.memory();
    }

    /** Runs the owner (which starts the drainer) to its end. */
    @Override
    public WorkloadResult run() throws InterruptedException {
        long start = System.nanoTime();
        Thread owner = new Thread(this::owner, "owner");
        owner.start();
        owner.join();
        return new WorkloadResult(ops.sum(), System.nanoTime() - start);
    }

    /** Nothing to ask: the scene is a few steps of two threads, and ends by itself. */
    @Override
    public void stop() {
    }

    @Override
    public long ops() {
        return ops.sum();
    }

    private void owner() {
        long[] blocks = new long[80];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = malloc();
        }
        for (int i = 0; i < 65; i++) {
            free(blocks[i]);
        }
        for (int i = 0; i < 33; i++) {
            blocks[i] = malloc();
        }
        long[] remote = Arrays.copyOfRange(blocks, 0, REMOTE_FREES);
        Thread drainer = new Thread(() -> drainer(remote), "drainer");
        drainer.start();
        long[] mine = new long[OWNER_ROUNDS];
        for (int i = 0; i < mine.length; i++) {
            mine[i] = use(malloc());
        }
        for (long p : mine) {
            free(p);
        }
        heap.threadExit();
        try {
            drainer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainer(long[] remote) {
        for (long p : remote) {
            free(p);
        }
        long[] mine = new long[32];
        for (int i = 0; i < mine.length; i++) {
            mine[i] = use(malloc());
        }
        for (long p : mine) {
            free(p);
        }
        heap.threadExit();
    }

    private long malloc() {
        long p = heap.malloc(SIZE);
        ops.increment();
        return p;
    }

    private void free(long p) {
        heap.free(p);
        ops.increment();
    }

    /** Writes 'a','b' into the block's first two bytes, as Larson does with every block it gets. */
    private long use(long p) {
        memory.store1(p, (byte) 'a');
        memory.store1(p + 1, (byte) 'b');
        return p;
    }
}
