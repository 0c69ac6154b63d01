package wedge.repro.dump;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import wedge.repro.dump.html.HtmlReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dump of a user's program ({@code plainstack.json}: examples/plainstack under noise, seed 1, its last 300 events)
 * reads as one: no slabs, counters, allocator switches or freelists anywhere, its races on fields counted and
 * listed, and no address where its fault has none. A dump of automatic points ({@code auto-double.json}: the agent's
 * {@code AutoPointsIT} double race, its last 200 events) shows a {@code double} field's values as numbers, not bits.
 */
class GenericDumpTest {
    private static final String DUMP = WedgeDump.resource("plainstack.json");

    @Test
    void showSaysNothingOfTheAllocatorAndCountsTheRacesOnFields() {
        WedgeDump show = WedgeDump.run("show", DUMP);
        assertEquals(0, show.status, show.err);
        for (String allocator : new String[] {"SLABS", "COUNTERS", "switches:", "freelist", "(no address)",
            "last point (none)"}) {
            assertFalse(show.out.contains(allocator), allocator + " in:\n" + show.out);
        }
        assertTrue(show.out.startsWith("FAULT   PlainStack$LostPushes in thread T3 main\n"), show.out);
        assertTrue(show.flat(show.section("EVENTS")).contains("; 5 race(s) on fields (PlainStack#head): wedge dump "
                + "timeline"), show.out);
    }

    @Test
    void timelineListsEveryRaceOnAFieldAndNoFreelist() {
        WedgeDump timeline = WedgeDump.run("timeline", DUMP);
        assertEquals(0, timeline.status, timeline.err);
        assertFalse(timeline.out.contains("freelist"), timeline.out);
        assertTrue(timeline.out.startsWith("EVENTS  #1300..#1599, the last 300 of 1600 events; 5 race(s) on fields"),
                timeline.out);
        for (int i = 1; i <= 5; i++) {
            assertTrue(timeline.out.contains("race " + i + " of 5:"), timeline.out);
        }
        assertTrue(timeline.out.contains("lost update on stack.head: "), timeline.out);
    }

    @Test
    void theHtmlTitleNamesTheFaultsThreadNotAMissingAddress() throws BadDump {
        String html = HtmlReport.of(Dump.load(Path.of(DUMP)));
        assertTrue(html.contains("<title>wedge: PlainStack$LostPushes in T3 main</title>"),
                html.substring(0, Math.min(400, html.length())));
        assertFalse(html.contains("(no address)"));
    }

    @Test
    void aDoubleFieldsValuesAreShownDecoded() {
        WedgeDump explain = WedgeDump.run("explain", WedgeDump.resource("auto-double.json"));
        assertEquals(0, explain.status, explain.err);
        String races = explain.flat(explain.section("RACES"));
        assertTrue(races.contains("read of 1903.0 by T2 adder-b"), races);
        assertTrue(races.contains("write of 1904.0 by T1 adder-a"), races);
        assertFalse(races.contains("0x409d"), races);
    }
}
