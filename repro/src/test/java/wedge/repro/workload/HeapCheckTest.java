package wedge.repro.workload;

import org.junit.jupiter.api.Test;

import wedge.allocator.AllocatorConfig;
import wedge.allocator.TinyHeap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap's books at the end of a run: balanced, a block lost, a block held twice. */
class HeapCheckTest {
    private final TinyHeap heap = new TinyHeap(AllocatorConfig.preset("strict"));

    private long[] allocate(int n) {
        long[] blocks = new long[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = heap.malloc(64);
        }
        return blocks;
    }

    @Test
    void everyBlockHeldOnceOrFreeBalances() {
        long[] held = allocate(100);
        for (int i = 0; i < 40; i++) {
            heap.free(held[i]);
        }
        HeapCheck check = HeapCheck.of(heap, new long[][] {java.util.Arrays.copyOfRange(held, 40, 100)});
        assertTrue(check.ok(), check.line());
    }

    @Test
    void aBlockNeitherHeldNorFreedIsLeaked() {
        long[] held = allocate(10);
        HeapCheck check = HeapCheck.of(heap, new long[][] {java.util.Arrays.copyOf(held, 9)});
        assertEquals(new HeapCheck(1, 0), check);
    }

    @Test
    void aBlockHeldTwiceOrHeldAndFreeIsHandedOutTwice() {
        long[] held = allocate(10);
        assertEquals(new HeapCheck(0, 1), HeapCheck.of(heap, new long[][] {held, {held[3]}}));
        heap.free(held[5]);
        assertEquals(new HeapCheck(0, 1), HeapCheck.of(heap, new long[][] {held}));
    }
}
