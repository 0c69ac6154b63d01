package wedge.repro.cli;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wedge sweep} and {@code wedge replay} over a user's program ({@code --main}), and its usage errors. */
class ProgramRunTest {
    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void aSweepOverAProgramFaultsAndAReplayOfItsDumpGivesTheSameSignature() throws Exception {
        Path classes = Examples.compile("plainstack", "PlainStack", work.resolve("classes"));
        Wedge sweep = new Wedge();
        assertEquals(0, sweep.run("sweep", "--main", "PlainStack", "--classpath", classes.toString(), "--points",
                Examples.dir("plainstack").resolve("plainstack.points").toString(), "--seeds", "1..2",
                "--parallel", "2", "--out", work.resolve("sweep.jsonl").toString(), "--dump-dir",
                work.resolve("dumps").toString(), "--", "300"), sweep.err.toString());
        String table = sweep.out.toString();
        assertTrue(table.contains("--main PlainStack --classpath "), table);
        Matcher faults = Pattern.compile("(?m)^fault  PlainStack\\$LostPushes +(\\d+) ").matcher(table);
        assertTrue(faults.find(), table);

        Matcher dump = Pattern.compile("\"dump\":\"([^\"]+)\"").matcher(
                java.nio.file.Files.readString(work.resolve("sweep.jsonl")));
        assertTrue(dump.find(), "a dump in the results");
        Wedge replay = new Wedge();
        assertEquals(0, replay.run("replay", dump.group(1), "--dump-dir", work.resolve("replay").toString()),
                replay.err.toString());
        assertTrue(replay.out.toString().contains("same signature as the dump: PlainStack$LostPushes"),
                replay.out.toString());
    }

    @Test
    @Timeout(120)
    void aProgramThatExitsNonZeroWithoutAFaultIsAnErrorWithItsStatus() throws Exception {
        Path classes = Examples.compile("plainstack", "PlainStack", work.resolve("classes"));
        Wedge w = new Wedge();
        assertEquals(0, w.run("run", "--main", "PlainStack", "--classpath", classes.toString(), "--points",
                Examples.dir("plainstack").resolve("plainstack.points").toString(), "--dump-dir",
                work.resolve("dumps").toString(), "--", "not-a-number"), w.err.toString());
        assertTrue(w.out.toString().startsWith("outcome=error signature=exit-1 "), w.out.toString());
    }

    @Test
    void aMainClassNotOnTheClassPathIsAUsageErrorNamingIt() {
        Wedge w = new Wedge();
        assertEquals(2, w.run("run", "--main", "NoSuchMain", "--classpath", work.toString(), "--points",
                Examples.dir("plainstack").resolve("plainstack.points").toString()));
        assertTrue(w.err.toString().contains("class NoSuchMain not found on --classpath " + work), w.err.toString());
    }

    @Test
    void pointsWithAWorkloadIsAUsageError() {
        Wedge w = new Wedge();
        assertEquals(2, w.run("run", "--workload", "larson", "--points",
                Examples.dir("plainstack").resolve("plainstack.points").toString()));
        assertTrue(w.err.toString().contains("--workload runs a built-in workload; --main, --jar and --points run "
                + "your program"), w.err.toString());
    }
}
