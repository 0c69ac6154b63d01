package wedge.allocator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import wedge.contract.Hex;

/**
 * The whole state of a heap as plain data (maps, lists, numbers, strings), for crash dumps: every SuperSlab and
 * slab with its freelist and remote queue walked and validated, every live thread's bindings and cache, the
 * counters and the address-space map.
 *
 * <p>It reads racy fields without synchronisation and never follows a link it has not validated, so it works on
 * a corrupted heap and while other threads are still running (the values are then a blur, as in a core dump).
 */
final class HeapSnapshot {
    private final TinyHeap heap;
    private final AddressSpace memory;

    HeapSnapshot(TinyHeap heap) {
        this.heap = heap;
        this.memory = heap.memory();
    }

    Map<String, Object> take() {
        AllocatorConfig config = heap.config();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", config.name());
        s.put("switches", config.switches().stream().map(Switch::id).toList());
        s.put("counters", heap.counters().toMap());
        List<SuperSlab> superSlabs = heap.superSlabs();
        s.put("addressSpace", addressSpace(superSlabs.size()));
        List<Map<String, Object>> ss = new ArrayList<>();
        for (SuperSlab x : superSlabs) {
            ss.add(superSlab(x));
        }
        s.put("superslabs", ss);
        List<Map<String, Object>> threads = new ArrayList<>();
        for (ThreadCtx t : heap.liveThreads()) {
            threads.add(thread(t));
        }
        s.put("threads", threads);
        return s;
    }

    private Map<String, Object> addressSpace(int mapped) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", Hex.of(memory.base()));
        m.put("superslabSize", 1L << memory.lg());
        m.put("slabSize", SuperSlab.SLAB_SIZE);
        m.put("mapped", mapped);
        m.put("end", Hex.of(memory.regionBase(mapped)));
        return m;
    }

    private Map<String, Object> superSlab(SuperSlab x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", x.toString());
        m.put("base", Hex.of(x.base));
        m.put("classIdx", x.pool.classIdx);
        m.put("blockSize", SizeClass.blockSize(x.pool.classIdx));
        List<Map<String, Object>> slabs = new ArrayList<>();
        for (int i = 0; i < x.assigned(); i++) {
            slabs.add(slab(x.slabs[i]));
        }
        m.put("slabs", slabs);
        return m;
    }

    private Map<String, Object> slab(TinySlabMeta meta) {
        Map<String, Object> m = new LinkedHashMap<>();
        int owner = heap.ownership().owner(meta);
        m.put("label", meta.toString());
        m.put("base", Hex.of(meta.base));
        m.put("classIdx", meta.classIdx);
        m.put("blockSize", meta.blockSize);
        m.put("capacity", meta.capacity);
        m.put("used", meta.used);
        m.put("carved", meta.carved);
        m.put("ownerTid", owner);
        m.put("ownerLive", owner != 0 && heap.isLive(owner));
        FreelistWalk.Rule rule = FreelistWalk.inSlab(memory, meta);
        FreelistWalk free = FreelistWalk.walk(memory, meta.freelist, rule, meta.capacity);
        FreelistWalk remote = FreelistWalk.walk(memory, meta.ss.remoteHeads.get(meta.slabIdx), rule, meta.capacity);
        m.put("freelist", free.toMap());
        m.put("remote", remote.toMap());
        m.put("remoteCount", meta.ss.remoteCounts.get(meta.slabIdx));
        m.put("broken", free.broken() || remote.broken());
        return m;
    }

    private Map<String, Object> thread(ThreadCtx t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tid", t.tid);
        m.put("name", t.name);
        List<Map<String, Object>> classes = new ArrayList<>();
        for (int c = 0; c < t.tls.length; c++) {
            TinyTls tls = t.tls[c];
            if (tls.meta == null && tls.cacheHead == 0) {
                continue;
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("classIdx", c);
            b.put("bound", String.valueOf(tls.meta));
            b.put("sticky", String.valueOf(tls.sticky));
            b.put("cacheCount", tls.cacheCount);
            b.put("cache", FreelistWalk.walk(memory, tls.cacheHead, cacheRule(c), Integer.MAX_VALUE).toMap());
            classes.add(b);
        }
        m.put("classes", classes);
        return m;
    }

    /** A thread cache may hold any carved, aligned block of its class. */
    private FreelistWalk.Rule cacheRule(int classIdx) {
        return p -> {
            TinySlabMeta meta = heap.slabContaining(p);
            if (meta == null) {
                return "unmapped address";
            }
            if (meta.classIdx != classIdx) {
                return "block of another class (" + meta + ")";
            }
            return FreelistWalk.inSlab(memory, meta).reject(p);
        };
    }
}
