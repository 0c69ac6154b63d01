package wedge.allocator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {
    private final TinyHeap heap = new TinyHeap(AllocatorConfig.preset("buggy").with(Switch.CHECK_DOUBLE_FREE, true));

    private static void refused(Class<? extends Throwable> type, Executable call, String... words) {
        String message = assertThrows(type, call).getMessage();
        for (String w : words) {
            assertTrue(message.contains(w), "'" + message + "' should name " + w);
        }
    }

    @Test
    void mallocOutsideTheTinyRange() {
        refused(IllegalArgumentException.class, () -> heap.malloc(0), "malloc(0)", "1..1024");
        refused(IllegalArgumentException.class, () -> heap.malloc(2048), "malloc(2048)");
    }

    @Test
    void freeOfAnAddressNoSuperSlabMaps() {
        refused(InvalidFree.class, () -> heap.free(0x6261), "free(0x6261)", "no SuperSlab");
    }

    @Test
    void freeOfAnInteriorPointerNamesTheBlockAndSlab() {
        long p = heap.malloc(64);
        refused(InvalidFree.class, () -> heap.free(p + 12), "interior pointer", "12 bytes",
                Long.toHexString(p), "ss0/slab0");
    }

    @Test
    void freeOfABlockNeverCarved() {
        long p = heap.malloc(64);
        long far = (p & ~0xffffL) + 0x8000;
        refused(InvalidFree.class, () -> heap.free(far), "never handed out", "ss0/slab0");
    }

    @Test
    void doubleFreeIsCaughtWhenTheCheckIsOn() {
        long p = heap.malloc(16);
        heap.free(p);
        refused(IllegalStateException.class, () -> heap.free(p), "double free", Long.toHexString(p));
    }

    @Test
    void freeOfNullDoesNothing() {
        heap.free(0);
    }

    @Test
    void unknownPresetsAndSwitchesListTheValidNames() {
        refused(IllegalArgumentException.class, () -> AllocatorConfig.preset("optionz"), "optionz", "buggy",
                "option-ac", "strict");
        refused(IllegalArgumentException.class, () -> Switch.byId("fix9"), "fix9", "fix1", "claim-first");
    }
}
