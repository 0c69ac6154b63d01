package wedge.agent.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import wedge.agent.config.BadConfiguration;

class PointFileTest {
    @Test
    void builtInProfileNamesTheAllocatorsRacePoints() {
        List<Point> points = PointFile.load("allocator");
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
    void defaultsAndCommentsFollowTheFormat() {
        List<Point> points = PointFile.parse("t", "# a comment\n\nfield-write a.b.C#f  c.f   # trailing\n"
                + "method-exit a.b.C#m c.m\nmethod-enter a.b.C#m c.e\n");
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
