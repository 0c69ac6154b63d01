package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Points on a class of {@code java.base}, which the agent itself uses: {@code java.util.HashMap}'s table and size,
 * for the lost-entry race of a map shared by two threads. The agent's own threads and its own work pass none of
 * them (no recursion into the hooks, no agent thread in the dump) and the fault is captured. The same race is found
 * with no profile at all, by {@code points=auto:java.util.HashMap}.
 */
class JdkTargetIT {
    @Test
    @Timeout(90)
    void pointsOnHashMapCatchItsLostEntry() throws Exception {
        Path dir = ChildJvm.freshDir("jdk-target");
        Path points = Files.writeString(dir.resolve("map.points"), String.join("\n",
                "fault-type java.lang.IllegalStateException",
                "field-read  java.util.HashMap#table map.table.read  in java.util.HashMap",
                "field-write java.util.HashMap#table map.table.write in java.util.HashMap",
                "field-read  java.util.HashMap#size  map.size.read   in java.util.HashMap",
                "field-write java.util.HashMap#size  map.size.write  in java.util.HashMap", ""));
        Path dumps = dir.resolve("dumps");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command("seed=7,strategy=noise,points=" + points.toAbsolutePath()
                + ",dump-dir=" + dumps.toAbsolutePath(), LostMapEntry.class, "300"), dir, 60);
        assertEquals(139, r.status(), "stderr:\n" + r.stderr());
        assertFalse(r.stderr().contains("StackOverflowError"), r.stderr());
        List<Path> written;
        try (Stream<Path> files = Files.list(dumps)) {
            written = files.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertEquals(1, written.size(), written.toString());
        String dump = Files.readString(written.get(0));
        assertTrue(dump.contains("lost entry: round"), "the fault is the program's lost entry");
        assertTrue(dump.contains("\"map.size.write\""), "the map's points are in the dump");
        // The dump lists every thread of the JVM; one that passed a point has an ordinal.
        assertTrue(dump.contains("\"name\":\"wedge-hang-watchdog\",\"id\""), "the agent's threads are listed");
        assertFalse(Pattern.compile("\"name\":\"wedge-[^\"]*\",\"id\":\\d+,\"ordinal\":\\d").matcher(dump).find(),
                "no agent thread passed a point");
    }

    /**
     * Automatic points on a JDK class named in the scope: hunt finds the map's racy fields by itself, and the race's
     * harm is the fault (the lost entry that ends {@code main}, or the {@code ClassCastException} of a bin
     * treeified while another thread changed it); the race reports name the map by its identity, never by a
     * {@code toString()} that would walk it while the other thread changes it.
     */
    @Test
    @Timeout(90)
    void automaticPointsOnANamedJdkClassFindTheLostEntry() throws Exception {
        Path dir = ChildJvm.freshDir("jdk-auto");
        Path dumps = dir.resolve("dumps");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command("seed=1,pairs=none,points=auto:java.util.HashMap,dump-dir="
                + dumps.toAbsolutePath(), LostMapEntry.class, "300"), dir, 60);
        assertEquals(139, r.status(), "stderr:\n" + r.stderr());
        // the lost entry ends main, or a put that treeifies a bin another put changed fails in a putter
        assertTrue(Pattern.compile("fault (IllegalStateException in thread main|ClassCastException in thread putter)")
                .matcher(r.stderr()).find(), r.stderr());
        assertTrue(Pattern.compile("race #1 [a-z-]+ on java\\.util\\.HashMap@[0-9a-f]+ java\\.util\\.HashMap#")
                .matcher(r.stderr()).find(), r.stderr());
        String profile = Files.readString(dumps.resolve("wedge-discovered.points"));
        assertTrue(profile.contains("field-write  java.util.HashMap#"), profile);
    }
}
