package wedge.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wedge.agent.config.BadConfiguration;
import wedge.agent.points.Point;
import wedge.agent.points.PointFile;

class ScriptTest {
    private static final List<Point> POINTS = PointFile.load("allocator").points();
    private static final String POP = "private int wedge.allocator.TinyHeap.popBatch(wedge.allocator.TinyTls,"
            + "wedge.allocator.TinySlabMeta)";

    @TempDir
    Path dir;

    private Script load(String text) throws IOException {
        return Script.load(Files.writeString(dir.resolve("s.wedge"), text).toString(), POINTS);
    }

    @Test
    void theShippedSeedScenarioParses() {
        Script s = Script.load(Path.of("../scripts/scenarios/seed-1.3.wedge").toString(), POINTS);
        assertEquals(5, s.steps().size());
        assertEquals("drainer past drain.exit", s.steps().get(4).render());
    }

    @Test
    void aStepMatchesOnlyThePointItNames() throws IOException {
        Step step = load("# the owner's pop\nowner to freelist.read on ss0/slab0 in TinyHeap#popBatch value 0 at 3 "
                + "# trailing\n").steps().get(0);
        assertEquals(2, step.line());
        assertFalse(step.past());
        assertEquals("owner to freelist.read on ss0/slab0 in TinyHeap#popBatch value 0 at 3", step.render());
        assertTrue(step.matches(new Arrival(0, "freelist.read", POP, "ss0/slab0", 0, 3)));
        assertFalse(step.matches(new Arrival(0, "freelist.read", POP, "ss0/slab0", 0, 2)), "before hit 3");
        assertFalse(step.matches(new Arrival(0, "freelist.read", POP, "ss0/slab1", 0, 3)), "another slab");
        assertFalse(step.matches(new Arrival(0, "freelist.read", POP, "ss0/slab0", 8, 3)), "another value");
        assertFalse(step.matches(new Arrival(1, "freelist.write", POP, "ss0/slab0", 0, 3)), "another point");
        assertTrue(load("T2 to end\n").steps().get(0).toEnd());
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertTrue(error("\nA to freelist.raed\n").startsWith("line 2: unknown point 'freelist.raed'; points: "
                + "drain.enter, drain.exit, freelist.read"));
        assertEquals("line 1: expected 'to' or 'past' after the thread, not 'until'", error("A until *\n"));
        assertEquals("line 1: 'end' takes 'to' and nothing after it", error("A past end\n"));
        assertEquals("line 1: 'at' is given twice", error("A to * at 1 at 2\n"));
        assertEquals("line 1: in takes CLASS#METHOD, not TinyHeap", error("A to * in TinyHeap\n"));
        assertTrue(error("# only a comment\n").startsWith("no steps"));
    }

    private String error(String text) {
        BadConfiguration e = assertThrows(BadConfiguration.class, () -> load(text));
        String prefix = "script file " + dir.resolve("s.wedge") + " ";
        assertTrue(e.getMessage().startsWith(prefix) || e.getMessage().startsWith(prefix.trim() + ":"), e.getMessage());
        return e.getMessage().substring(e.getMessage().indexOf(dir.resolve("s.wedge").toString())
                + dir.resolve("s.wedge").toString().length()).replaceFirst("^:? ", "");
    }
}
