package wedge.allocator;

/**
 * Where every carved block of a heap is: on a slab's freelist, in a remote queue, or in a live thread's cache.
 * Whatever is in none of these is allocated, or lost. Take it when no thread is using the heap.
 *
 * @param carved       blocks ever carved out of slabs
 * @param free         blocks on slab freelists
 * @param queued       blocks in remote-free queues
 * @param cached       blocks in live threads' caches
 * @param brokenLists  lists whose walk stopped at a bad link (their blocks past the break are not counted)
 */
public record BlockCensus(long carved, long free, long queued, long cached, int brokenLists) {

    static BlockCensus of(TinyHeap heap) {
        AddressSpace memory = heap.memory();
        long carved = 0;
        long free = 0;
        long queued = 0;
        long cached = 0;
        int broken = 0;
        for (SuperSlab ss : heap.superSlabs()) {
            for (int i = 0; i < ss.assigned(); i++) {
                TinySlabMeta m = ss.slabs[i];
                carved += m.carved;
                FreelistWalk.Rule rule = FreelistWalk.inSlab(memory, m);
                FreelistWalk f = FreelistWalk.walk(memory, m.freelist, rule, m.capacity);
                FreelistWalk q = FreelistWalk.walk(memory, ss.remoteHeads.get(i), rule, m.capacity);
                free += f.length;
                queued += q.length;
                broken += (f.broken() ? 1 : 0) + (q.broken() ? 1 : 0);
            }
        }
        for (ThreadCtx t : heap.liveThreads()) {
            for (TinyTls tls : t.tls) {
                cached += tls.cacheCount;
            }
        }
        return new BlockCensus(carved, free, queued, cached, broken);
    }

    /** Blocks in none of the free places, given how many the application holds: positive means leaked. */
    public long leaked(long live) {
        return carved - live - free - queued - cached;
    }
}
