package wedge.agent.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wedge.agent.config.BadConfiguration;

class PointFileTest {
    @Test
    void builtInProfileNamesTheAllocatorsRacePoints() {
        List<Point> points = PointFile.load("allocator").points();
        assertEquals(List.of("freelist.read", "freelist.write", "remote.take", "drain.enter", "drain.exit",
                "remote.push", "owner.claim", "slab.bind", "thread.register"), points.stream().map(Point::name).toList());
        Point take = points.get(2);
        assertEquals(PointKind.CALL_SITE, take.kind());
        assertEquals("wedge.allocator.SuperSlab#drainToFreelist", take.scope().toString());
        Point claim = points.get(6);
        assertEquals(Operand.arg(0), claim.label());
        assertEquals(Operand.RETURN, claim.value());
    }

    @Test
    void theAllocatorsProfileGivesRolesFaultTypesAndSnapshot() {
        Profile p = PointFile.load("allocator");
        assertEquals("profile allocator", p.source());
        assertEquals("wedge.allocator.SegmentationFault|wedge.allocator.InvalidFree", p.faultType());
        assertEquals("wedge.allocator.TinyHeap#snapshotAll", p.snapshot());
        Point read = p.points().get(0);
        assertEquals("access", read.role());
        assertEquals(Map.of("wedge.allocator.TinyHeap#popBatch", "pop", "wedge.allocator.TinyHeap#spill", "push",
                "wedge.allocator.SuperSlab#drainToFreelist", "drain"), read.siteRoles());
        assertEquals("take", p.points().get(2).role());
    }

    @Test
    void rolesAreFreeWordsGivenPerPointOrPerSite() {
        Profile p = PointFile.parse("points file gate.points", "fault-type java.lang.IllegalStateException\n"
                + "field-read  a.Gate#open  open.read   in a.Gate  role=check\n"
                + "field-write a.Gate#open  open.write  in a.Gate  role=act\n"
                + "method-enter a.Gate#enter  enter\n"
                + "role guard in a.Gate#close open.read\n");
        assertEquals("java.lang.IllegalStateException", p.faultType());
        assertEquals(null, p.snapshot());
        assertEquals("check", p.points().get(0).role());
        assertEquals(Map.of("a.Gate#close", "guard"), p.points().get(0).siteRoles());
        assertEquals("act", p.points().get(1).role());
        assertEquals(null, p.points().get(2).role());
    }

    @Test
    void badProfilesNameTheFileAndLine() {
        assertEquals("points file g line 2: point name 'r' is already used (line 1); valid: a name not used yet",
                bad("field-read a.B#c r\nfield-write a.B#c r\n"));
        assertEquals("points file g line 1: empty role; valid: a word such as pop, push, check or act",
                bad("field-read a.B#c r role=\n"));
        assertEquals("points file g line 2: no point 'w' above this line; valid: the names of points declared "
                + "before it", bad("field-read a.B#c r\nrole act in a.B#m w\n"));
        assertEquals("points file g line 2: a second fault-type line; give it once",
                bad("fault-type a.X\nfault-type a.Y\nfield-read a.B#c r\n"));
        assertTrue(bad("fault-type a.X|\nfield-read a.B#c r\n").startsWith(
                "points file g line 1: bad fault-type line; expected 'fault-type VALUE', VALUE binary class names"));
    }

    @Test
    void aConstructorAsScopeOrTargetIsRefusedSayingWhy() {
        String why = "; constructors and static initialisers are not woven (only methods are: an object under "
                + "construction is not yet shared between threads)";
        assertTrue(bad("field-write a.B#c w in a.B#<init>\n").endsWith("Class#method" + why));
        assertTrue(bad("method-enter a.B#<clinit> e\n").endsWith("e.g. wedge.allocator.TinySlabMeta#freelist" + why));
    }

    private static String bad(String text) {
        return assertThrows(BadConfiguration.class, () -> PointFile.parse("points file g", text)).getMessage();
    }

    @Test
    void defaultsAndCommentsFollowTheFormat() {
        List<Point> points = PointFile.parse("t", "# a comment\n\nfield-write a.b.C#f  c.f   # trailing\n"
                + "method-exit a.b.C#m c.m\nmethod-enter a.b.C#m c.e\n").points();
        assertEquals("a.b.*", points.get(0).scope().toString());
        assertTrue(points.get(0).scope().coversType("a.b.D"));
        assertEquals(Operand.THIS, points.get(1).label());
        assertEquals(Operand.RETURN, points.get(1).value());
        assertEquals(Operand.NONE, points.get(2).value());
        assertEquals("t:5", points.get(2).origin());
    }

    @Test
    void errorsNameTheSourceAndLine() {
        BadConfiguration e = assertThrows(BadConfiguration.class,
                () -> PointFile.parse("points file x", "field-read a.B#c ok\nmethod-exit a.B#c bad value=arg\n"));
        assertEquals("points file x line 2: bad value 'arg'; valid: argN, return, none", e.getMessage());
    }
}
