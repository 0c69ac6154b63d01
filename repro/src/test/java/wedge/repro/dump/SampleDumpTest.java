package wedge.repro.dump;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real dump of a Larson run (seed 1, noise, preset buggy) that faulted at 0x6261 in T16's pop of ss0/slab13.
 * Its window holds the race that caused it: T18 drained ss0/slab13 without owning it, read the head 0x7a1ad5ad5c00
 * at #25974 and wrote at #26204, after T16 had popped that head (and 15 more) in between.
 */
class SampleDumpTest {
    private static final String SAMPLE = WedgeDump.resource("sample-fault-dump.json");

    @Test
    void theWindowHoldsTheLostUpdateBehindTheFault() throws BadDump {
        Dump dump = Dump.load(Path.of(SAMPLE));
        List<FreelistOp> ops = FreelistOp.pair(dump.events());
        FaultSite site = FaultSite.of(dump, ops);

        LostUpdate cause = site.cause(LostUpdate.findAll(ops)).orElseThrow();

        assertEquals("ss0/slab13", site.slab());
        assertEquals(0x7a1ad5ad5c00L, site.clobberedBlock());
        assertEquals(18, cause.overwriting().thread());
        assertEquals(Role.DRAIN, cause.overwriting().role());
        assertEquals(25974, cause.overwriting().read().seq());
        assertEquals(26204, cause.overwriting().write().seq());
        assertEquals(16, cause.lost().size());
        assertTrue(cause.lost().stream().allMatch(op -> op.thread() == 16 && op.role() == Role.POP));
        assertEquals(26108, cause.allocatedAndLinked().orElseThrow().write().seq());
    }

    @Test
    void explainNamesTheLostUpdateBetweenTheDrainerAndTheOwner() {
        WedgeDump r = WedgeDump.run("explain", SAMPLE);

        assertEquals(0, r.status, r.err);
        assertTrue(r.flat(r.section("WHY")).contains("Block 0x7a1ad5ad5c00 was in use while still linked on"
                + " ss0/slab13's freelist"), r.out);
        String race = r.section("RACE");
        assertTrue(race.startsWith("RACE   lost update on ss0/slab13.freelist"), race);
        assertTrue(race.contains("| T18 larson-1.1 (drain; not the"), race);
        assertTrue(race.contains("| T16 larson-6.1 (pop; owner at"), race);
        assertEquals("LOST UPDATE: overwrites T16's 16 writes #26108..#26138; 0x7a1ad5ad5c00 is now handed out"
                + " and linked", WedgeDump.cell(race, "#26204", 3));
        assertEquals("0x7a1ad5ad5c00 handed out to T16", WedgeDump.cell(race, "#26108", 3));
        assertEquals("FAULT: SIGSEGV-equivalent: load8 at 0x6261 (unmapped)", WedgeDump.cell(race, "#29626", 3));
        assertTrue(r.flat(race).contains("No lost update on the freelist of broken ss1/slab3 in the window"), race);
    }

    @Test
    void timelineListsEveryLostUpdateOfTheWindow() {
        WedgeDump r = WedgeDump.run("timeline", SAMPLE);

        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("lost update 1 of 10 on ss0/slab13.freelist"), r.out);
        assertTrue(r.out.contains("lost update 10 of 10 on ss1/slab8.freelist"), r.out);
        assertEquals(10, r.out.split("\\| LOST UPDATE: ", -1).length - 1, r.out);
    }
}
