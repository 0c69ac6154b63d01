package wedge.repro.dump;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wedge dump explain} on crafted dumps, one per rule of the fault address, and on a hang. */
class ExplainRulesTest {
    private static WedgeDump explain(String dump) {
        WedgeDump r = WedgeDump.run("explain", WedgeDump.resource(dump));
        assertEquals(0, r.status, r.err);
        return r;
    }

    private static void assertHas(WedgeDump r, String section, String expected) {
        String text = r.flat(r.section(section));
        assertTrue(text.contains(expected), "expected in " + section + ": " + expected + "\n" + r.out);
    }

    @Test
    void abOverNullReadsTheBytesAndNamesTheBlockThatWasInUseAndLinked() {
        WedgeDump r = explain("ab-over-null.json");

        assertHas(r, "FAULT", "fault_addr = 0x6261 (ab-over-null)");
        assertHas(r, "WHY", "0x6261 is the bytes 61 62 00 00 00 00 00 00 = \"ab\" followed by zeros.");
        assertHas(r, "WHY", "a NULL link (end of list) overwritten by the workload");
        assertHas(r, "WHY", "Block 0x7a1ad5a54e40 was in use while still linked on ss0/slab5's freelist");
        assertHas(r, "WHY", "Not a truncated pointer: 0x6261 is odd");
        assertHas(r, "SLAB", "0x7a1ad5a54e40 is both allocated and linked: handed out by T3 larson-w3's pop #105,"
                + " linked again by T5 larson-w5's drain #106, and popped again by T3 larson-w3 at #112.");
    }

    @Test
    void abOverNullRebuildsTheRaceWithTheLostUpdateMarkedAndRunsOnToTheFault() {
        WedgeDump r = explain("ab-over-null.json");
        String race = r.section("RACE");

        assertHas(r, "RACE", "lost update on ss0/slab5.freelist, by which 0x7a1ad5a54e40 came to be both handed out"
                + " and linked");
        assertTrue(race.contains("| T5 larson-w5 (drain; not the owner"), race);
        assertTrue(race.contains("| T3 larson-w3 (pop; owner at"), race);
        assertEquals("write freelist = 0x7a1ad5a51200 (linked to 0x7a1ad5a54e40)", WedgeDump.cell(race, "#106", 1));
        assertEquals("LOST UPDATE: overwrites T3's write #105; 0x7a1ad5a54e40 is now handed out and linked",
                WedgeDump.cell(race, "#106", 3));
        assertEquals("0x7a1ad5a54e40 handed out to T3", WedgeDump.cell(race, "#105", 3));
        assertEquals("link of 0x7a1ad5a54e40 is 0x6261 (ab-over-null)", WedgeDump.cell(race, "#113", 3));
        assertEquals("FAULT: SIGSEGV-equivalent: load8 at 0x6261 (unmapped)", WedgeDump.cell(race, "#114", 3));
        assertEquals("(inferred, no event) the workload writes 'a','b' into 0x7a1ad5a54e40",
                WedgeDump.cell(race, "-", 2));
        assertTrue(race.indexOf("#104") < race.indexOf("#105") && race.indexOf("#106") < race.indexOf("#114"));
        assertFalse(race.contains("#108"), "T7's pop of another slab is not part of this race");
    }

    @Test
    void abOverLinkNamesTheSlabTheOriginalLinkPointedInto() {
        WedgeDump r = explain("ab-over-link.json");

        assertHas(r, "FAULT", "fault_addr = 0x7a1ad5a56261 (ab-over-link)");
        assertHas(r, "WHY", "0x7a1ad5a56261 is the bytes 61 62 a5 d5 1a 7a 00 00");
        assertHas(r, "WHY", "a real link whose low 16 bits were overwritten: it pointed somewhere in"
                + " 0x7a1ad5a50000..0x7a1ad5a5ffff, a block of ss0/slab5 (64 B blocks, 12 carved)");
        assertHas(r, "WHY", "Block 0x7a1ad5a51200 was in use while still linked");
        assertHas(r, "WHY", "Not a truncated pointer: it keeps the heap's upper bytes 0x7a1ad5a5");
    }

    @Test
    void aClobberedLinkFreedFromAnotherSlabLeadsToTheLostUpdateOnTheSlabItPointsInto() {
        WedgeDump r = explain("freed-elsewhere.json");

        assertHas(r, "FAULT", "InvalidFree in T7 larson-w7 at remote.push in SuperSlab#remotePush [ss0/slab6");
        assertHas(r, "RACE", "No lost update within the event window (#101..#112, the last 12 of 114 events) on"
                + " ss0/slab6.freelist.");
        assertHas(r, "RACE", "The latest lost update on ss0/slab5.freelist (the slab 0x7a1ad5a56261 points into) in"
                + " the window, not tied to the fault by the events:");
        assertEquals("LOST UPDATE: overwrites T3's write #105; 0x7a1ad5a54e40 is now handed out and linked",
                WedgeDump.cell(r.section("RACE"), "#106", 3));
    }

    @Test
    void aTruncatedPointerIsTracedToTheBlockWhoseLowBitsItKept() {
        WedgeDump r = explain("truncated.json");

        assertHas(r, "FAULT", "(truncated)");
        assertHas(r, "WHY", "0xd5a51200 is not a heap address (the heap is 0x7a1ad5a00000..0x7a1ad5b00000), but its"
                + " low 32 bits are those of block 0x7a1ad5a51200 of ss0/slab5: a pointer whose upper bytes were cut.");
        assertHas(r, "WHY", "Not the workload's bytes: its low two bytes are 00 12");
    }

    @Test
    void aMisalignedAddressIsPlacedInItsBlockAndSlab() {
        WedgeDump r = explain("misaligned.json");

        assertHas(r, "FAULT", "(misaligned-in-slab)");
        assertHas(r, "WHY", "0x7a1ad5a51213 lies inside ss0/slab5 (64 B blocks), 19 bytes into block 0x7a1ad5a51200"
                + " (#72 of ss0/slab5): not a block start");
    }

    @Test
    void anAddressInTheNullPageIsANullPointerPlusAnOffset() {
        WedgeDump r = explain("null-page.json");

        assertHas(r, "FAULT", "(null-page)");
        assertHas(r, "WHY", "0x10 is in the first page (below 0x1000): a NULL pointer plus 16 bytes");
        assertHas(r, "WHY", "Not the workload's bytes: 'a','b' over a NULL link would be exactly 0x6261.");
        assertHas(r, "WHY", "It was the link of block 0x7a1ad5a51200");
    }

    @Test
    void anUnmappedAddressIsSaidToBeNothingTheHeapKnows() {
        WedgeDump r = explain("unmapped.json");

        assertHas(r, "FAULT", "(unmapped)");
        assertHas(r, "WHY", "0x123456789abc is in no mapped SuperSlab (the heap is 0x7a1ad5a00000..0x7a1ad5b00000)");
        assertHas(r, "WHY", "neither its low 32 nor its low 16 bits are those of any block");
    }

    @Test
    void withoutALostUpdateInTheWindowTheRaceSectionSaysSoAndInventsNone() {
        WedgeDump r = explain("ab-over-link.json");

        assertHas(r, "RACE", "No lost update within the event window (#201..#209, the last 9 of 109 events) leaves"
                + " 0x7a1ad5a51200 both handed out and linked on ss0/slab5.freelist.");
        assertFalse(r.out.contains("LOST UPDATE"), r.out);
        assertFalse(r.out.contains("| step"), "no table without a lost update:\n" + r.out);
    }

    @Test
    void aHangNamesTheLoopingFreelistAndTheLostUpdateOnIt() {
        WedgeDump r = explain("hang.json");

        assertHas(r, "HANG", "no point passed for 10000 ms, with T3 larson-w3 inside instrumented code");
        assertHas(r, "WHY", "ss0/slab5's freelist loops: at #2 it comes back to 0x7a1ad5a51200");
        assertHas(r, "RACE", "The latest lost update on ss0/slab5.freelist in the window:");
        assertTrue(r.out.contains("LOST UPDATE"), r.out);
    }
}
