package wedge.allocator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * hakmem's tiny allocator, modelled: {@code malloc}/{@code free} of 1..1024-byte blocks in a simulated address
 * space ({@link #memory()}).
 *
 * <p>Fast path: {@link #malloc} pops the calling thread's per-class cache and {@link #free} pushes on it when the
 * caller owns the block's slab; neither touches shared state. Slow paths: an empty cache is refilled in a batch
 * from the bound slab ({@link #refillCache}), popping {@code meta.freelist}; an exhausted slab sends the thread to
 * {@link SuperslabRefill}, where the seed's drain sites live; a cache past its capacity spills half back to the
 * slabs' freelists; a block of a slab the caller does not own goes to that slab's remote queue.
 *
 * <p>Threads must call {@link #threadExit()} when they stop using the heap, so their cached blocks go back and
 * their slabs can be adopted, as thread-exit destructors do in C.
 */
public final class TinyHeap {
    private static final Set<TinyHeap> HEAPS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final AllocatorConfig config;
    private final AddressSpace memory;
    /** SuperSlabs by region index; an element is written once, before {@link #superSlabCount} counts it. */
    private final SuperSlab[] superSlabs;
    /** SuperSlabs mapped and published; written under the heap's lock. */
    private volatile int superSlabCount;
    private final ClassPool[] pools = new ClassPool[SizeClass.COUNT];
    private final SlabOwnership ownership;
    private final SuperslabRefill refill;
    private final Counters counters = new Counters();
    private final Map<Integer, ThreadCtx> liveThreads = new ConcurrentHashMap<>();
    private final AtomicInteger nextTid = new AtomicInteger();
    private final ThreadLocal<ThreadCtx> current = ThreadLocal.withInitial(this::register);
    /** Handed-out blocks, tracked only under {@link Switch#CHECK_DOUBLE_FREE}; null otherwise. */
    private final Set<Long> handedOut;
    private final boolean fix2;
    private final boolean ownerCheck;

    /** A heap with the given configuration; see {@link AllocatorConfig#preset(String)}. */
    public TinyHeap(AllocatorConfig config) {
        this.config = config;
        this.memory = new AddressSpace(config.base(), config.lg(), config.maxSuperSlabs());
        this.superSlabs = new SuperSlab[config.maxSuperSlabs()];
        for (int c = 0; c < pools.length; c++) {
            pools[c] = new ClassPool(this, c);
        }
        this.ownership = new SlabOwnership(this, config);
        this.refill = new SuperslabRefill(this, config);
        this.handedOut = config.on(Switch.CHECK_DOUBLE_FREE) ? ConcurrentHashMap.newKeySet() : null;
        this.fix2 = config.on(Switch.FIX2);
        this.ownerCheck = config.on(Switch.OWNER_CHECK) || ownership.strict();
        HEAPS.add(this);
    }

    /** The snapshot of every heap alive in this JVM, keyed {@code heaps}; the agent's default snapshot source. */
    public static Map<String, Object> snapshotAll() {
        List<Map<String, Object>> all = new ArrayList<>();
        synchronized (HEAPS) {
            for (TinyHeap h : HEAPS) {
                all.add(h.snapshot());
            }
        }
        return Map.of("heaps", all);
    }

    /**
     * Leaves this heap out of {@link #snapshotAll} from now on: the run it served is over, and a later run's dump in
     * the same JVM must show that run's heap alone, however long this one waits for the collector.
     */
    public void retire() {
        HEAPS.remove(this);
    }

    /**
     * Allocates a block of at least {@code size} bytes and returns its address. The block's contents are whatever
     * was there: its first 8 bytes still hold the link it had while free.
     *
     * @throws IllegalArgumentException when size is not in 1..1024
     */
    public long malloc(int size) {
        int classIdx = SizeClass.of(size);
        ThreadCtx self = current.get();
        TinyTls tls = self.tls[classIdx];
        long p = tls.cacheHead;
        if (p == 0) {
            p = refillCache(self, tls, classIdx);
        }
        tls.cacheHead = memory.load8(p);
        tls.cacheCount--;
        if (handedOut != null) {
            handedOut.add(p);
        }
        return p;
    }

    /**
     * Frees the block at {@code ptr}; {@code free(0)} does nothing.
     *
     * @throws InvalidFree             when {@code ptr} is not the start of a block this heap handed out
     * @throws IllegalStateException    when {@link Switch#CHECK_DOUBLE_FREE} is on and the block is not allocated
     */
    public void free(long ptr) {
        if (ptr == 0) {
            return;
        }
        TinySlabMeta meta = slabOf(ptr);
        if (handedOut != null && !handedOut.remove(ptr)) {
            throw new IllegalStateException(String.format("free(0x%x): block of %s is not allocated (double free)",
                    ptr, meta));
        }
        ThreadCtx self = current.get();
        if (meta.ownerTid == self.tid) {
            TinyTls tls = self.tls[meta.classIdx];
            memory.store8(ptr, tls.cacheHead);
            tls.cacheHead = ptr;
            if (++tls.cacheCount > config.cacheCapacity()) {
                spill(self, tls, tls.cacheCount / 2);
            }
        } else {
            meta.ss.remotePush(meta.slabIdx, ptr);
        }
    }

    /**
     * Ends the calling thread's use of the heap, as a thread-exit destructor does: its cached blocks go back to
     * their slabs (or remote queues), the slabs it was bound to are posted to their class's mailbox and the other
     * slabs it owns to the orphans, for adoption. Under {@link Switch#STRICT} it releases them all first; in the
     * seed's protocol they keep their dead owner, which the adopter replaces.
     */
    public void threadExit() {
        ThreadCtx self = current.get();
        for (TinyTls tls : self.tls) {
            spill(self, tls, tls.cacheCount);
        }
        for (SuperSlab ss : superSlabs()) {
            for (int i = 0; i < ss.assigned(); i++) {
                TinySlabMeta m = ss.slabs[i];
                if (ownership.owner(m) == self.tid) {
                    ownership.release(m, self.tid);
                    boolean bound = self.tls[m.classIdx].meta == m;
                    (bound ? ss.pool.mailbox : ss.pool.orphans).add(m);
                }
            }
        }
        liveThreads.remove(self.tid);
        current.remove();
    }

    /** The simulated memory blocks live in; workloads write their data through it. */
    public AddressSpace memory() {
        return memory;
    }

    /** The configuration this heap was built with. */
    public AllocatorConfig config() {
        return config;
    }

    /** The seed's debug counters. */
    public Counters counters() {
        return counters;
    }

    /** The whole state as plain data; safe on a corrupted heap. See {@link HeapSnapshot}. */
    public Map<String, Object> snapshot() {
        return new HeapSnapshot(this).take();
    }

    /** Where every carved block is; meaningful when no thread is using the heap. See {@link BlockCensus}. */
    public BlockCensus census() {
        return BlockCensus.of(this);
    }

    /**
     * Moves up to a batch of blocks from the bound slab into the empty cache, binding another slab first when the
     * bound one has nothing left. Returns the new cache head.
     */
    private long refillCache(ThreadCtx self, TinyTls tls, int classIdx) {
        for (;;) {
            TinySlabMeta meta = tls.meta;
            if (meta != null) {
                if (fix2) {
                    refill.drainAll(meta.ss, self.tid, ownerCheck);
                }
                if (popBatch(tls, meta) > 0) {
                    return tls.cacheHead;
                }
            }
            refill.superslabRefill(self, tls, pools[classIdx]);
        }
    }

    /**
     * The owner's pop: plain read of {@code freelist}, read of the head block's link, plain write of
     * {@code freelist}; then bump-carves when the freelist runs dry. Caller owns {@code meta}.
     */
    private int popBatch(TinyTls tls, TinySlabMeta meta) {
        ownership.checkOwner(meta, "popping");
        int n = 0;
        int batch = config.refillBatch();
        long cache = tls.cacheHead;
        while (n < batch) {
            long head = meta.freelist;
            if (head == 0) {
                break;
            }
            meta.freelist = memory.load8(head);
            memory.store8(head, cache);
            cache = head;
            n++;
        }
        while (n < batch && meta.carved < meta.capacity) {
            long block = meta.base + (long) meta.carved * meta.blockSize;
            meta.carved++;
            memory.store8(block, cache);
            cache = block;
            n++;
        }
        meta.used += n;
        tls.cacheHead = cache;
        tls.cacheCount += n;
        return n;
    }

    /** Returns {@code count} blocks from the cache: the owner's plain push onto its slab's freelist, or a remote
     * push for a slab the thread no longer owns. */
    private void spill(ThreadCtx self, TinyTls tls, int count) {
        long p = tls.cacheHead;
        for (int i = 0; i < count && p != 0; i++) {
            long next = memory.load8(p);
            TinySlabMeta meta = slabAt(p);
            if (meta.ownerTid == self.tid) {
                ownership.checkOwner(meta, "pushing onto");
                memory.store8(p, meta.freelist);
                meta.freelist = p;
                meta.used--;
            } else {
                meta.ss.remotePush(meta.slabIdx, p);
            }
            p = next;
            tls.cacheCount--;
        }
        tls.cacheHead = p;
    }

    /** {@code tiny_tls_bind_slab}: makes {@code meta} the slab {@code tls} allocates from. */
    void bindSlab(TinyTls tls, TinySlabMeta meta) {
        if (tls.meta != meta) {
            tls.sticky = tls.meta;
            tls.meta = meta;
        }
    }

    /** The slab holding {@code ptr}, which must be the start of a block this heap handed out. */
    private TinySlabMeta slabOf(long ptr) {
        int region = memory.regionIndex(ptr);
        if (region < 0) {
            throw new InvalidFree(ptr, String.format(
                    "free(0x%x): no SuperSlab maps this address; it was not allocated by this heap", ptr));
        }
        SuperSlab ss = superSlabs[region];
        int slabIdx = (int) ((ptr - ss.base) >>> SuperSlab.SLAB_SHIFT);
        TinySlabMeta meta = ss.slabs[slabIdx];
        long offset = ptr - meta.base;
        if (slabIdx >= ss.assigned() || offset >= (long) meta.carved * meta.blockSize) {
            throw new InvalidFree(ptr, String.format(
                    "free(0x%x): %s (class %d B) never handed out this block (%d of %d blocks carved)",
                    ptr, meta, meta.blockSize, meta.carved, meta.capacity));
        }
        if ((offset & (meta.blockSize - 1)) != 0) {
            throw new InvalidFree(ptr, String.format(
                    "free(0x%x): interior pointer, %d bytes into the %d B block at 0x%x of %s",
                    ptr, offset & (meta.blockSize - 1), meta.blockSize, ptr - (offset & (meta.blockSize - 1)), meta));
        }
        return meta;
    }

    /** The slab holding {@code ptr}, unchecked: {@code ptr} came from this heap's own lists. */
    private TinySlabMeta slabAt(long ptr) {
        SuperSlab ss = superSlabs[memory.regionIndex(ptr)];
        return ss.slabs[(int) ((ptr - ss.base) >>> SuperSlab.SLAB_SHIFT)];
    }

    /** The slab whose memory holds {@code address}, or null when no SuperSlab maps it. */
    TinySlabMeta slabContaining(long address) {
        int region = memory.regionIndex(address);
        return region < 0 ? null : slabAt(address);
    }

    /** Every SuperSlab mapped so far, in address order. */
    List<SuperSlab> superSlabs() {
        List<SuperSlab> all = new ArrayList<>();
        for (int i = 0, n = superSlabCount; i < n; i++) {
            all.add(superSlabs[i]);
        }
        return all;
    }

    /** Maps a new SuperSlab for {@code pool}'s class. */
    synchronized SuperSlab mapSuperSlab(ClassPool pool) {
        int region = memory.map();
        SuperSlab ss = new SuperSlab(this, pool, region, memory.regionBase(region), config.lg());
        superSlabs[region] = ss;
        superSlabCount = region + 1;
        return ss;
    }

    private ThreadCtx register() {
        ThreadCtx ctx = new ThreadCtx(nextTid.incrementAndGet(), Thread.currentThread().getName());
        liveThreads.put(ctx.tid, ctx);
        return ctx;
    }

    /** The calling thread's ordinal in this heap; registers the thread on first use. */
    int selfTid() {
        return current.get().tid;
    }

    /** Whether thread {@code tid} has used this heap and not exited. */
    boolean isLive(int tid) {
        return liveThreads.containsKey(tid);
    }

    Collection<ThreadCtx> liveThreads() {
        return liveThreads.values();
    }

    SlabOwnership ownership() {
        return ownership;
    }

    ClassPool[] pools() {
        return pools;
    }
}
