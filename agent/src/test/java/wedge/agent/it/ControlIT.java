package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent's in-process control in a JVM that loaded it with {@code -javaagent}: each run started by a seed
 * captures its own fault into its own dump, with the run's seed and thread ordinals from 1, and a run cannot change
 * the points woven.
 */
class ControlIT {
    @Test
    void eachRunWritesItsOwnDumpAndCannotChangeThePoints() throws Exception {
        Path dir = ChildJvm.freshDir("control");
        Path dumps = dir.resolve("dumps");
        Path other = Files.writeString(dir.resolve("other.points"),
                "field-read wedge.allocator.TinySlabMeta#freelist other.read\n");
        List<String> cmd = new ArrayList<>(ChildJvm.workload("seed=9,on-fault=throw,hang-timeout=0,ring=65536,"
                + "dump-dir=" + dumps, other.toString(), "1", "2"));
        cmd.set(cmd.indexOf(CrossFreeWorkload.class.getName()), ControlledRuns.class.getName());
        ChildJvm.Result r = ChildJvm.run(cmd, dir, 90);
        assertEquals(0, r.status(), "exit status; stderr:\n" + r.stderr());
        List<String> lines = r.stdout().lines().toList();

        List<Path> written = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            String prefix = "run " + seed + " dump=";
            String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            Path dump = Path.of(line.substring(prefix.length()));
            assertTrue(Files.isRegularFile(dump), "seed " + seed + " faulted and its run has a dump: " + line);
            JsonNode d = new ObjectMapper().readTree(dump.toFile());
            assertEquals(seed, d.get("seed").asLong(), "the dump records its run's seed");
            int ordinal = d.get("fault").get("thread").get("ordinal").asInt();
            assertTrue(ordinal >= 1 && ordinal <= 4, "ordinals start at 1 in every run: the run's 4 workers are "
                    + "T1..T4, not T5..T8 in the second; faulted in T" + ordinal);
            written.add(dump);
        }
        assertNotEquals(written.get(0), written.get(1), "two runs, two dumps");
        assertTrue(written.get(1).getFileName().toString().endsWith("-2.json"), written.get(1).toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("refused: bad option points=" + other)
                && l.contains("a run cannot change it")), r.stdout());
        assertTrue(lines.contains("done"), r.stdout());
    }
}
