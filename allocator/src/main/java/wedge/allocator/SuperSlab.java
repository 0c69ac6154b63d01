package wedge.allocator;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One region of {@code 2^lg} bytes, aligned to its size, split into 64 KiB slabs of one size class, with a
 * remote-free queue per slab: the seed's {@code SuperSlab}.
 *
 * <p>A SuperSlab is shared: its slabs are handed to different threads, one slab per thread and class at a time.
 * Threads that do not own a slab give blocks back through its remote queue ({@link #remotePush}), an MPSC stack
 * whose head is only ever changed by CAS (push) and exchange (take, in {@link #drainToFreelist}).
 */
public final class SuperSlab {
    /** log2 of the slab size. */
    static final int SLAB_SHIFT = 16;
    /** Slab size in bytes. */
    static final int SLAB_SIZE = 1 << SLAB_SHIFT;
    /** A slab whose remote queue reaches this many blocks is published as its class's hot slab. */
    static final int HOT_THRESHOLD = 32;

    final TinyHeap heap;
    final ClassPool pool;
    final int index;
    final long base;
    final TinySlabMeta[] slabs;
    /** Per slab: head of the remote-free stack (0 = empty); each node's first 8 bytes link to the next. */
    final AtomicLongArray remoteHeads;
    /** Per slab: blocks pushed since the last drain; a hint, reset without synchronising with pushes (as in the seed). */
    final AtomicIntegerArray remoteCounts;
    /** Per slab: drains in progress, to count concurrent drains. */
    private final AtomicIntegerArray drainers;
    /** Slabs handed out so far, in index order; written under the pool's lock. */
    private volatile int assigned;

    SuperSlab(TinyHeap heap, ClassPool pool, int index, long base, int lg) {
        this.heap = heap;
        this.pool = pool;
        this.index = index;
        this.base = base;
        int n = 1 << (lg - SLAB_SHIFT);
        this.slabs = new TinySlabMeta[n];
        this.remoteHeads = new AtomicLongArray(n);
        this.remoteCounts = new AtomicIntegerArray(n);
        this.drainers = new AtomicIntegerArray(n);
        for (int i = 0; i < n; i++) {
            slabs[i] = new TinySlabMeta(this, i, pool.classIdx, base + ((long) i << SLAB_SHIFT));
        }
    }

    /** Slabs handed out so far; slabs at this index and above have never been used. */
    int assigned() {
        return assigned;
    }

    /** Hands out the next unused slab, or returns null when all are in use. Caller holds the pool's lock. */
    TinySlabMeta assignNext() {
        int i = assigned;
        if (i == slabs.length) {
            return null;
        }
        assigned = i + 1;
        return slabs[i];
    }

    /** Whether slab {@code slabIdx} has remote frees waiting. */
    boolean hasRemote(int slabIdx) {
        return remoteHeads.get(slabIdx) != 0;
    }

    /**
     * {@code ss_remote_push}: gives block {@code ptr} back to slab {@code slabIdx} from a thread that does not own
     * it. The link is stored before the CAS that publishes the node, so a drainer that takes the stack sees it.
     */
    public void remotePush(int slabIdx, long ptr) {
        AddressSpace memory = heap.memory();
        long old;
        do {
            old = remoteHeads.get(slabIdx);
            memory.store8(ptr, old);
        } while (!remoteHeads.compareAndSet(slabIdx, old, ptr));
        if (remoteCounts.incrementAndGet(slabIdx) == HOT_THRESHOLD) {
            pool.hot.set(slabs[slabIdx]);
        }
    }

    /**
     * {@code ss_remote_drain_to_freelist}: takes the whole remote stack of slab {@code slabIdx} and pushes each
     * node onto the slab's {@code freelist}.
     *
     * <p>The take is atomic, so two drainers never get the same nodes; the pushes onto {@code freelist} are plain
     * read-modify-writes. They are correct only when the caller is the slab's exclusive owner; every caller that
     * is not (fix1, fix2, sticky, hot, bench in the seed) races with the owner's pop and push.
     */
    public void drainToFreelist(int slabIdx) {
        TinySlabMeta meta = slabs[slabIdx];
        heap.ownership().checkDrain(meta);
        if (drainers.getAndIncrement(slabIdx) > 0) {
            heap.counters().concurrentDrains.increment();
        }
        try {
            long p = remoteHeads.getAndSet(slabIdx, 0L);
            if (p == 0) {
                return;
            }
            heap.counters().drains.increment();
            AddressSpace memory = heap.memory();
            int drained = 0;
            while (p != 0) {
                long next = memory.load8(p);
                memory.store8(p, meta.freelist);
                meta.freelist = p;
                p = next;
                drained++;
            }
            meta.used -= drained;
            remoteCounts.set(slabIdx, 0);
        } finally {
            drainers.decrementAndGet(slabIdx);
        }
    }

    /** The label events and dumps use, e.g. {@code ss0}. */
    @Override
    public String toString() {
        return "ss" + index;
    }
}
