package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lost-update detection on crafted event lists: the seed's interleavings, and histories that only look close. */
class LostUpdateTest {
    private static final String POP = "wedge.allocator.TinyHeap#popBatch";
    private static final String SPILL = "wedge.allocator.TinyHeap#spill";
    private static final String DRAIN = "wedge.allocator.SuperSlab#drainToFreelist";
    private static final String SLAB = "ss0/slab5";
    private static final long A = 0x7a1ad5a51200L;
    private static final long B = 0x7a1ad5a54e40L;
    private static final long C = 0x7a1ad5a58a00L;

    private final List<Event> events = new ArrayList<>();

    private LostUpdateTest read(int thread, String site, String slab, long value) {
        events.add(new Event(events.size() + 1, thread, Event.FREELIST_READ, site, slab, value));
        return this;
    }

    private LostUpdateTest write(int thread, String site, String slab, long value) {
        events.add(new Event(events.size() + 1, thread, Event.FREELIST_WRITE, site, slab, value));
        return this;
    }

    private List<LostUpdate> found() {
        return LostUpdate.findAll(FreelistOp.pair(events));
    }

    @Test
    void aDrainThatReadBeforeTheOwnersPopOverwritesItAndLeavesThePoppedBlockLinked() {
        read(3, POP, SLAB, B).read(5, DRAIN, SLAB, B).write(3, POP, SLAB, C).write(5, DRAIN, SLAB, A);

        List<LostUpdate> found = found();

        assertEquals(1, found.size());
        LostUpdate u = found.get(0);
        assertEquals(5, u.overwriting().thread());
        assertEquals(4, u.overwriting().write().seq());
        assertEquals(List.of(3L), u.lost().stream().map(op -> op.write().seq()).toList());
        assertEquals(B, u.allocatedAndLinked().orElseThrow().block());
        assertTrue(u.handedOutTwice().isEmpty());
        assertTrue(u.dropped().isEmpty());
    }

    @Test
    void aPopThatReadBeforeADrainStepDropsTheDrainedBlock() {
        read(3, POP, SLAB, B).read(5, DRAIN, SLAB, B).write(5, DRAIN, SLAB, A).write(3, POP, SLAB, C);

        LostUpdate u = found().get(0);

        assertEquals(3, u.overwriting().thread());
        assertEquals(List.of(A), u.dropped());
        assertTrue(u.allocatedAndLinked().isEmpty());
    }

    @Test
    void twoPopsOfTheSameHeadHandItOutTwice() {
        read(3, POP, SLAB, B).read(4, POP, SLAB, B).write(4, POP, SLAB, C).write(3, POP, SLAB, C);

        assertEquals(B, found().get(0).handedOutTwice().orElseThrow().block());
    }

    @Test
    void everyWriteOfOtherThreadsBetweenTheReadAndTheWriteIsLost() {
        read(5, DRAIN, SLAB, B)
                .read(3, POP, SLAB, B).write(3, POP, SLAB, C)
                .read(3, POP, SLAB, C).write(3, POP, SLAB, 0)
                .read(4, SPILL, SLAB, 0).write(4, SPILL, SLAB, A)
                .write(5, DRAIN, SLAB, A);

        LostUpdate u = found().get(found().size() - 1);

        assertEquals(List.of(3L, 5L, 7L), u.lost().stream().map(op -> op.write().seq()).toList());
        assertEquals(B, u.allocatedAndLinked().orElseThrow().block());
        assertEquals(List.of(A), u.dropped());
    }

    @Test
    void sequentialOperationsOfTwoThreadsLoseNothing() {
        read(3, POP, SLAB, B).write(3, POP, SLAB, C).read(5, DRAIN, SLAB, C).write(5, DRAIN, SLAB, A)
                .read(3, POP, SLAB, A).write(3, POP, SLAB, C);

        assertEquals(List.of(), found());
    }

    @Test
    void interleavingOnDifferentSlabsLosesNothing() {
        read(3, POP, SLAB, B).read(5, DRAIN, "ss0/slab6", B).write(5, DRAIN, "ss0/slab6", A)
                .write(3, POP, SLAB, C);

        assertEquals(List.of(), found());
    }

    @Test
    void aWriteWhoseReadFellBeforeTheWindowIsNotJudged() {
        write(5, DRAIN, SLAB, A).read(3, POP, SLAB, A).write(3, POP, SLAB, B).write(5, DRAIN, SLAB, C);

        assertEquals(List.of(), found(), "thread 5's last read is outside the window, so nothing can be claimed");
    }
}
