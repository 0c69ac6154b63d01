package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A profile that asks for what a run cannot arm: a misspelled field, a class that does not exist, a fault type that
 * is no class. The run is never silently clean: the agent names each, why, at the end (an error line, which
 * {@code wedge run} makes an error outcome), or under {@code unmatched=warn} as a warning.
 */
class UnmatchedIT {
    @Test
    @Timeout(90)
    void whatMatchedNothingIsNamedAtTheEnd() throws Exception {
        Path dir = ChildJvm.freshDir("unmatched");
        Path points = Files.writeString(dir.resolve("typo.points"), String.join("\n",
                "fault-type wedge.allocator.SegmentationFault|com.example.NoSuchFault",
                "field-read wedge.allocator.TinySlabMeta#freelits typo.read",
                "field-read com.example.Missing#count missing.read",
                "field-write wedge.allocator.TinySlabMeta#freelist freelist.write",
                "field-write wedge.allocator.TinySlabMeta#freelist scoped.write in wedge.allocator.TinyHeap#TinyHeap",
                ""));
        String options = "seed=3,strategy=noise,p=0,points=" + points.toAbsolutePath() + ",dump-dir="
                + dir.resolve("dumps").toAbsolutePath();
        ChildJvm.Result r = ChildJvm.run(ChildJvm.workload(options, "strict", "2", "1", "2000", "1"), dir, 60);
        assertEquals(0, r.status(), r.stderr());
        List<String> lines = r.agentErrorLines();
        assertTrue(lines.contains("wedge-agent: points:unmatched typo.read (wedge.allocator.TinySlabMeta#freelits: "
                + "wedge.allocator.TinySlabMeta declares no field freelits); missing.read (com.example.Missing#count:"
                + " class com.example.Missing never loaded; check the name, or that the program reaches it); "
                + "scoped.write (wedge.allocator.TinySlabMeta#freelist: scope wedge.allocator.TinyHeap#TinyHeap: "
                + "wedge.allocator.TinyHeap declares no method TinyHeap (constructors and static initialisers are not "
                + "woven))"),
                r.stderr());
        assertTrue(lines.contains("wedge-agent: fault-type:unknown com.example.NoSuchFault (no such class on the "
                + "class path)"), r.stderr());

        ChildJvm.Result warned = ChildJvm.run(ChildJvm.workload(options + ",unmatched=warn", "strict", "2", "1",
                "2000", "1"), dir.resolve("warn"), 60);
        assertEquals(0, warned.status(), warned.stderr());
        assertTrue(warned.stderr().contains("wedge-agent: unmatched=warn: points:unmatched typo.read"),
                warned.stderr());
        assertTrue(warned.agentErrorLines().stream().noneMatch(l -> l.startsWith("wedge-agent: points:unmatched")),
                warned.stderr());
    }
}
