package wedge.repro.run;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The agent's line about its dump, read back: the only way a run learns which dump is its own. */
class DumpReportTest {
    @Test
    void aWrittenDumpIsTakenFromItsLineWithEscapesUndone() {
        DumpReport r = DumpReport.parse(
                "wedge-agent: dump-written kind=fault path=\"/tmp/a \\\"b\\\"/wedge-fault-20261125-194500-42.json\"");
        assertEquals("fault", r.kind());
        assertEquals(Path.of("/tmp/a \"b\"/wedge-fault-20261125-194500-42.json"), r.path());
        assertNull(r.reason());
    }

    @Test
    void anUnwrittenDumpKeepsItsReasonAndTheFaultsSignature() {
        DumpReport r = DumpReport.parse("wedge-agent: dump-unwritten kind=fault dir=\"/full\" "
                + "reason=\"No space left on device\" type=wedge.allocator.SegmentationFault address=0x6261");
        assertNull(r.path());
        assertEquals("No space left on device", r.reason());
        assertEquals(Signature.of("wedge.allocator.SegmentationFault", 0x6261L, wedge.repro.dump.HeapMap.defaults()),
                r.signature());
    }

    @Test
    void anUnwrittenHangOrAFaultWithoutItsTypeIsNamedByItsKind() {
        assertEquals("hang", DumpReport.parse("wedge-agent: dump-unwritten kind=hang dir=\"/d\" reason=\"x\"")
                .signature());
        assertEquals("fault", DumpReport.parse("wedge-agent: dump-unwritten kind=fault dir=\"/d\" reason=\"x\"")
                .signature());
    }

    @Test
    void otherLinesAreNoReport() {
        assertNull(DumpReport.parse("wedge-agent: fault SegmentationFault at 0x6261; dump /tmp/x.json"));
        assertNull(DumpReport.parse("dump-written kind=fault path=\"/x.json\""));
        assertNull(DumpReport.parse("wedge-agent: dump-written kind=fault"));
    }

    @Test
    void aResultLineSaysWhyItsDumpIsMissingAndLeavesOutAnUnknownOpsCount() {
        RunOutcome o = new RunOutcome(7, "fault", "segv:ab-over-null", 1200, null, null, "No space left on device",
                0, "", null);
        assertEquals("outcome=fault signature=segv:ab-over-null ttr_ms=1200 dump=unwritten:\"No space left on device\"",
                o.line());
        assertEquals(false, o.toMap().containsKey("ops"));
    }
}
