package wedge.allocator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's debug aids: the ownership assertion on drain, pop and push, and the counters. */
class OwnershipTest {

    /** A live thread owns ss0/slab0; the calling thread frees one of its blocks, so the slab has a remote free. */
    private static TinySlabMeta slabOwnedByAnotherLiveThread(TinyHeap heap) throws Exception {
        long p = OnThread.call(() -> heap.malloc(64));
        heap.free(p);
        TinySlabMeta meta = heap.superSlabs().get(0).slabs[0];
        assertTrue(meta.ss.hasRemote(0));
        return meta;
    }

    @Test
    void aNonOwnerDrainIsCountedAsAViolation() throws Exception {
        TinyHeap heap = new TinyHeap(AllocatorConfig.preset("buggy"));
        TinySlabMeta meta = slabOwnedByAnotherLiveThread(heap);
        meta.ss.drainToFreelist(0);
        assertEquals(1, heap.counters().drains());
        assertEquals(1, heap.counters().nonOwnerDrains());
        assertEquals(1, heap.counters().ownershipViolations());
    }

    @Test
    void theAssertionRefusesANonOwnerDrain() throws Exception {
        TinyHeap heap = new TinyHeap(AllocatorConfig.preset("buggy").with(Switch.ASSERT_OWNER, true));
        TinySlabMeta meta = slabOwnedByAnotherLiveThread(heap);
        OwnershipViolation v = assertThrows(OwnershipViolation.class, () -> meta.ss.drainToFreelist(0));
        assertTrue(v.getMessage().contains("ss0/slab0"), v.getMessage());
    }

    /** The calling thread allocates from ss0/slab0, which another thread owns: the invariant broken on purpose. */
    private static long popFromAnotherThreadsSlab(TinyHeap heap) throws Exception {
        OnThread.call(() -> heap.malloc(64));
        TinySlabMeta meta = heap.superSlabs().get(0).slabs[0];
        int self = heap.selfTid();
        ThreadCtx ctx = heap.liveThreads().stream().filter(c -> c.tid == self).findFirst().orElseThrow();
        heap.bindSlab(ctx.tls[meta.classIdx], meta);
        return heap.malloc(64);
    }

    @Test
    void theAssertionRefusesAPopByANonOwner() throws Exception {
        TinyHeap checked = new TinyHeap(AllocatorConfig.preset("buggy").with(Switch.ASSERT_OWNER, true));
        OwnershipViolation v = assertThrows(OwnershipViolation.class, () -> popFromAnotherThreadsSlab(checked));
        assertTrue(v.getMessage().contains("popping ss0/slab0 owned by thread T1"), v.getMessage());
        assertEquals(1, checked.counters().ownershipViolations());

        TinyHeap unchecked = new TinyHeap(AllocatorConfig.preset("buggy"));
        assertTrue(popFromAnotherThreadsSlab(unchecked) != 0, "without the assertion the pop goes through");
    }

    @Test
    void noPresetClaimsASlabFromALiveOwner() throws Exception {
        for (String preset : new String[] {"buggy", "strict"}) {
            TinyHeap heap = new TinyHeap(AllocatorConfig.preset(preset));
            TinySlabMeta meta = slabOwnedByAnotherLiveThread(heap);
            assertFalse(heap.ownership().ownerClaim(meta, heap.selfTid()), preset);
        }
    }

    @Test
    void theSeedKeepsADeadOwnerWhileStrictReleasesOnExit() throws Exception {
        for (String preset : new String[] {"buggy", "strict"}) {
            TinyHeap heap = new TinyHeap(AllocatorConfig.preset(preset));
            int owner = OnThread.call(() -> {
                heap.malloc(64);
                int self = heap.selfTid();
                heap.threadExit();
                return self;
            });
            TinySlabMeta meta = heap.superSlabs().get(0).slabs[0];
            assertEquals(preset.equals("strict") ? 0 : owner, heap.ownership().owner(meta), preset);
            assertTrue(heap.ownership().ownerClaim(meta, heap.selfTid()), preset);
        }
    }
}
