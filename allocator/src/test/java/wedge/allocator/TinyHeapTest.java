package wedge.allocator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TinyHeapTest {
    private final TinyHeap heap = new TinyHeap(AllocatorConfig.preset("strict"));

    @Test
    void everyClassHandsOutDistinctAlignedBlocksInsideOneSlab() {
        for (int c = 0; c < SizeClass.COUNT; c++) {
            int size = SizeClass.blockSize(c);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                long p = heap.malloc(size);
                assertEquals(0, (p - AllocatorConfig.DEFAULT_BASE) % size, "aligned to its class");
                assertTrue(seen.add(p), "handed out twice: " + Long.toHexString(p));
                heap.memory().store8(p, -1L);
            }
            for (long p : seen) {
                heap.free(p);
            }
        }
        assertEquals(0, heap.census().leaked(0));
    }

    @Test
    void aFreedBlockIsTheNextOneHandedOut() {
        long a = heap.malloc(64);
        long b = heap.malloc(64);
        heap.free(a);
        assertEquals(a, heap.malloc(64));
        heap.free(b);
        assertEquals(b, heap.malloc(40));
    }

    @Test
    void freshBlocksAreBumpCarvedOneBlockApart() {
        long first = heap.malloc(128);
        long second = heap.malloc(128);
        assertEquals(128, Math.abs(first - second));
        assertEquals(AllocatorConfig.DEFAULT_BASE, Math.min(first, second) & ~0xffffL, "first slab of ss0");
    }

    @Test
    void aNewSuperSlabIsMappedWhenTheFirstIsFull() {
        int perSuperSlab = (1 << 20) / 1024;
        long last = 0;
        for (int i = 0; i <= perSuperSlab; i++) {
            last = heap.malloc(1024);
        }
        assertEquals(AllocatorConfig.DEFAULT_BASE + (1 << 20), last & ~0xfffffL, "block in ss1");
        assertEquals(2, heap.memory().mappedRegions());
    }

    @Test
    void twoMiBSuperSlabsHoldThirtyTwoSlabs() {
        TinyHeap big = new TinyHeap(AllocatorConfig.preset("strict").withGeometry(AllocatorConfig.DEFAULT_BASE, 21));
        int perSuperSlab = (1 << 21) / 1024;
        long last = 0;
        for (int i = 0; i <= perSuperSlab; i++) {
            last = big.malloc(1024);
        }
        assertEquals(AllocatorConfig.DEFAULT_BASE + (1 << 21), last & ~0x1fffffL, "block in ss1, 2 MiB up");
        assertEquals(2, big.memory().mappedRegions());
    }

    @Test
    void crossThreadFreesQueueRemotelyAndComeBackThroughADrain() throws Exception {
        List<Long> blocks = OnThread.call(() -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                mine.add(heap.malloc(64));
            }
            heap.threadExit();
            return mine;
        });
        for (long p : blocks) {
            heap.free(p);
        }
        assertEquals(100, heap.census().queued());
        assertEquals(0, heap.counters().drains());

        boolean reused = OnThread.call(() -> {
            Set<Long> freed = new HashSet<>(blocks);
            for (int i = 0; i < 2048; i++) {
                if (freed.contains(heap.malloc(64))) {
                    return true;
                }
            }
            return false;
        });
        assertTrue(reused, "a remotely freed block came back to its slab");
        assertNotEquals(0, heap.counters().drains());
    }

    @Test
    void aCorruptedLinkFaultsAtTheAddressItHolds() {
        long a = heap.malloc(32);
        long b = heap.malloc(32);
        heap.free(b);
        heap.free(a);
        heap.memory().store8(a, 0x6261);
        assertEquals(a, heap.malloc(32));
        SegmentationFault f = assertThrows(SegmentationFault.class, () -> heap.malloc(32));
        assertEquals(0x6261, f.address());
    }
}
