package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import wedge.sample.ClaimWorkload;

/**
 * With a flight recording running, the agent's pauses, the fault and the dump it wrote are in the recording, even
 * though the agent ends the JVM with {@code Runtime.halt}; and JFR's repository, which its own exit hook would have
 * removed, is gone too. Each run keeps its repository in its own directory, never in the temporary directory.
 */
class FlightRecorderIT {
    @Test
    void pausesTheFaultAndTheDumpAreRecorded() throws Exception {
        Path dir = ChildJvm.freshDir("jfr");
        Path dumps = dir.resolve("dumps");
        Path jfr = dir.resolve("run.jfr");
        List<String> cmd = new ArrayList<>(ChildJvm.workload("seed=1,dump-dir=" + dumps,
                "buggy", "4", "1000000", "20000", "1"));
        Path repository = Files.createDirectories(dir.resolve("jfr-repository"));
        cmd.add(1, "-XX:StartFlightRecording=filename=" + jfr);
        cmd.add(1, "-XX:FlightRecorderOptions=repository=" + repository);
        ChildJvm.Result r = ChildJvm.run(cmd, dir, 30);
        assertEquals(139, r.status(), "exit status (-1 = no fault within 30 s); stderr:\n" + r.stderr());
        try (Stream<Path> left = Files.list(repository)) {
            assertEquals(List.of(), left.toList(), "the repository JFR made for the run is removed at the halt");
        }
        Path dump;
        try (Stream<Path> files = Files.list(dumps)) {
            dump = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<RecordedEvent> pauses = named(events, "wedge.Pause");
        assertFalse(pauses.isEmpty(), "pause events");
        Set<String> points = pauses.stream().map(e -> e.getString("point")).collect(Collectors.toSet());
        assertTrue(Set.of("freelist.read", "freelist.write", "remote.take", "drain.enter", "drain.exit",
                "remote.push", "owner.claim", "slab.bind", "thread.register").containsAll(points), points.toString());
        for (RecordedEvent p : pauses) {
            assertTrue(p.getThread().getJavaName().startsWith("worker-"), p.getThread().getJavaName());
            assertTrue(p.getString("site").contains(" wedge.allocator."), p.getString("site"));
            assertTrue(p.getInt("ordinal") >= 1);
            assertTrue(p.getLong("planned") > 0 && p.getLong("planned") <= 200_000, "planned " + p.getLong("planned"));
            assertFalse(p.getDuration().isNegative(), "duration");
        }
        assertTrue(pauses.stream().anyMatch(p -> p.getDuration().compareTo(Duration.ofNanos(1000)) > 0),
                "some pause lasted over a microsecond");

        List<RecordedEvent> faults = named(events, "wedge.Fault");
        assertEquals(1, faults.size(), "one fault event");
        RecordedEvent fault = faults.get(0);
        assertTrue(Set.of("wedge.allocator.SegmentationFault", "wedge.allocator.InvalidFree")
                .contains(fault.getString("type")), fault.getString("type"));
        assertEquals(1, fault.getLong("seed"));
        assertTrue(fault.getThread().getJavaName().startsWith("worker-"));

        List<RecordedEvent> written = named(events, "wedge.DumpWritten");
        assertEquals(1, written.size(), "one dump event");
        assertEquals(dump.toAbsolutePath().toString(), written.get(0).getString("path"));
        assertEquals("fault", written.get(0).getString("kind"));
        assertEquals(fault.getThread().getJavaThreadId(), written.get(0).getThread().getJavaThreadId(),
                "the dump is written by the faulting thread");
    }

    @Test
    void aRaceReportIsRecorded() throws Exception {
        Path dir = ChildJvm.freshDir("jfr-race");
        Path jfr = dir.resolve("run.jfr");
        huntUntilTheFirstRace(dir, "-XX:StartFlightRecording=filename=" + jfr,
                "-XX:FlightRecorderOptions=repository=" + Files.createDirectories(dir.resolve("jfr-repository")));

        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<RecordedEvent> races = named(events, "wedge.Race");
        assertFalse(races.isEmpty(), "a race event for the report that halted the run, committed before the halt");
        for (RecordedEvent race : races) {
            assertRace(race);
        }
        List<RecordedEvent> written = named(events, "wedge.DumpWritten");
        assertEquals(1, written.size());
        assertEquals("race", written.get(0).getString("kind"));
    }

    /**
     * Without a recording, reporting races, pausing and writing a dump load no event class and nothing of JFR's
     * internals: loading either costs a few tenths of a second in the middle of the run.
     */
    @Test
    void withoutARecordingNoFlightRecorderInternalIsLoaded() throws Exception {
        Path dir = ChildJvm.freshDir("jfr-none");
        Path loaded = dir.resolve("classes.log");
        ChildJvm.Result r = huntUntilTheFirstRace(dir, "-Xlog:class+load:file=" + loaded);
        assertTrue(r.stderr().contains("race #1 "), r.stderr());
        assertTrue(r.stderr().contains("dump-written kind=race"), r.stderr());

        List<String> jfr = Files.readAllLines(loaded).stream()
                .filter(l -> l.contains(" jdk.jfr.internal.") || l.contains(" wedge.agent.jfr.") && l.contains("Event "))
                .toList();
        assertEquals(List.of(), jfr, "classes of JFR's internals or the agent's events");
        assertTrue(Files.readAllLines(loaded).stream().anyMatch(l -> l.contains(" wedge.agent.hunt.HuntStrategy ")),
                "the log is of the run");
    }

    /** A hunt of the claims workload with {@code jvmOptions}, halted at its first race report. */
    private static ChildJvm.Result huntUntilTheFirstRace(Path dir, String... jvmOptions) throws Exception {
        Path points = Files.writeString(dir.resolve("claims.points"), HuntIT.POINTS);
        List<String> cmd = ChildJvm.command("seed=1,strategy=hunt,snapshot=none,on-race=exit,"
                + "points=" + points + ",dump-dir=" + dir.resolve("dumps"), ClaimWorkload.class, "10000");
        for (String option : jvmOptions) {
            cmd = ChildJvm.withJvmOption(cmd, option);
        }
        ChildJvm.Result r = ChildJvm.run(cmd, dir, 40);
        assertEquals(66, r.status(), "on-race=exit halts at the first report; stderr:\n" + r.stderr());
        return r;
    }

    private static void assertRace(RecordedEvent race) {
        Set<String> points = Set.of("taken.read", "taken.write");
        assertTrue(race.getString("subject").startsWith("wedge.sample.OneShot"), race.getString("subject"));
        assertTrue(points.contains(race.getString("point")), race.getString("point"));
        assertTrue(race.getString("site").contains("OneShot"), race.getString("site"));
        String kind = race.getString("kind");
        if (kind.equals("stale-read")) {
            assertNull(race.getString("otherThread"), "nobody caught in a stale read");
            return;
        }
        assertEquals("trap", kind);
        assertTrue(points.contains(race.getString("otherPoint")), race.getString("otherPoint"));
        assertTrue(race.getString("otherThread").startsWith("claimer-"), race.getString("otherThread"));
        assertNotEquals(race.getThread().getJavaName(), race.getString("otherThread"), "two threads");
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
