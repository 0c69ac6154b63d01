package wedge.allocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshots of heaps whose freelist was corrupted on purpose name the slab, the position and the reason. */
class SnapshotTest {
    private final TinyHeap heap = new TinyHeap(AllocatorConfig.preset("buggy"));

    /** Puts 40 blocks of 64 B on ss0/slab0's freelist and returns the freelist's first addresses. */
    @SuppressWarnings("unchecked")
    private List<Long> freelistOfSlab0() throws Exception {
        OnThread.call(() -> {
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                blocks.add(heap.malloc(64));
            }
            blocks.forEach(heap::free);
            heap.threadExit();
            return null;
        });
        Map<String, Object> free = (Map<String, Object>) slab0().get("freelist");
        assertEquals(48, free.get("length"), "40 freed + 8 left in the cache of the last batch");
        List<Long> first = new ArrayList<>();
        for (Object a : (List<Object>) free.get("first")) {
            first.add(Long.decode((String) a));
        }
        return first;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> slab0() {
        Map<String, Object> ss0 = ((List<Map<String, Object>>) heap.snapshot().get("superslabs")).get(0);
        Map<String, Object> slab = ((List<Map<String, Object>>) ss0.get("slabs")).get(0);
        assertEquals("ss0/slab0", slab.get("label"));
        return slab;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> breakOfSlab0() {
        Map<String, Object> slab = slab0();
        assertEquals(true, slab.get("broken"));
        return (Map<String, Object>) ((Map<String, Object>) slab.get("freelist")).get("broken");
    }

    @Test
    void aSoundHeapHasNoBrokenSlab() throws Exception {
        freelistOfSlab0();
        assertFalse((Boolean) slab0().get("broken"));
    }

    @Test
    void aLinkOverwrittenWith0x6261IsNamedUnmapped() throws Exception {
        List<Long> first = freelistOfSlab0();
        heap.memory().store8(first.get(1), 0x6261);
        Map<String, Object> broken = breakOfSlab0();
        assertEquals(2, broken.get("position"));
        assertEquals("0x6261", broken.get("address"));
        assertTrue(((String) broken.get("reason")).startsWith("unmapped"));
    }

    @Test
    void aMisalignedInSlabLinkIsNamedMisaligned() throws Exception {
        List<Long> first = freelistOfSlab0();
        heap.memory().store8(first.get(0), first.get(3) + 0x21);
        Map<String, Object> broken = breakOfSlab0();
        assertEquals(1, broken.get("position"));
        assertEquals("0x" + Long.toHexString(first.get(3) + 0x21), broken.get("address"));
        assertTrue(((String) broken.get("reason")).startsWith("misaligned: 33 bytes"));
    }

    @Test
    void aCycleIsNamedRepeats() throws Exception {
        List<Long> first = freelistOfSlab0();
        heap.memory().store8(first.get(4), first.get(1));
        Map<String, Object> broken = breakOfSlab0();
        assertEquals(5, broken.get("position"));
        assertTrue(((String) broken.get("reason")).startsWith("repeats"));
    }

    @Test
    void theStaticSnapshotCoversThisHeap() {
        heap.malloc(8);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> heaps = (List<Map<String, Object>>) TinyHeap.snapshotAll().get("heaps");
        assertTrue(heaps.stream().anyMatch(h -> "buggy".equals(h.get("preset"))));
    }
}
