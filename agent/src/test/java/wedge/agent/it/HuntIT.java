package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wedge.sample.ClaimWorkload;

/**
 * {@code strategy=hunt} on a plain check-then-act class of the test tree ({@link wedge.sample.OneShot}), in child
 * JVMs: a race report with both sides, no crash; a pairs file, or by default the user cache, that lets the next run
 * pause before it learns anything; bad pairs files stop the JVM with status 2.
 */
class HuntIT {
    static final String POINTS = """
            field-read  wedge.sample.OneShot#taken  taken.read
            field-write wedge.sample.OneShot#taken  taken.write
            fault-type  java.lang.AssertionError
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The first report halts the run and fills its dump. It is a trap, or a stale read when the other thread passed
     * its access's hook just before the trap was set and wrote during the pause; both sides are named either way,
     * the paused one from the dump, the caught one from the trap.
     */
    @Test
    @Timeout(60)
    void catchesTheCheckThenActInTheActAndReportsBothSidesWithoutACrash() throws Exception {
        Path dir = ChildJvm.freshDir("hunt-report");
        ChildJvm.Result r = run(dir, "on-race=exit", 10_000);
        assertEquals(66, r.status(), "on-race=exit halts with 66 at the first report; stderr:\n" + r.stderr());
        JsonNode d = onlyDump(dir);
        assertEquals("race", d.path("kind").asText());
        assertTrue(d.path("fault").isNull(), "no crash");
        JsonNode race = d.path("races").path(0);
        assertEquals("wedge.sample.OneShot#taken", race.path("field").asText());
        JsonNode paused = race.path("paused");
        assertWovenSide(paused);
        if (race.path("kind").asText().equals("stale-read")) {
            assertTrue(race.path("reread").path("value").isIntegralNumber(), "what changed under the pause: " + race);
        } else {
            assertEquals("trap", race.path("kind").asText());
            JsonNode other = race.path("other");
            assertWovenSide(other);
            assertNotEquals(paused.path("thread").asInt(), other.path("thread").asInt(), "two threads");
            assertTrue(paused.path("access").asText().equals("write") || other.path("access").asText().equals("write"),
                    "one side writes: " + race);
        }
        assertTrue(r.stderr().contains("wedge-agent: race #1 "), r.stderr());
    }

    /** Reports logged by a run that goes on: among them a trap, both threads and both sites on its line. */
    @Test
    @Timeout(60)
    void aRunThatGoesOnReportsATrapWithBothSites() throws Exception {
        Path dir = ChildJvm.freshDir("hunt-trap");
        ChildJvm.Result r = run(dir, "on-race=continue", 2_000);
        assertEquals(0, r.status(), "no crash; stderr:\n" + r.stderr());
        String side = "T\\d+ claimer-\\S+ (read|write) \\S+ at wedge\\.sample\\.OneShot#claim:\\d+";
        String trap = ".*race #\\d+ trap on \\S+ wedge\\.sample\\.OneShot#taken: " + side + " \\(paused\\), " + side;
        assertTrue(r.stderr().lines().anyMatch(l -> l.matches(trap)), r.stderr());
    }

    private static void assertWovenSide(JsonNode side) {
        assertEquals("wedge.sample.OneShot#claim", side.path("site").asText(), side.toString());
        assertTrue(side.path("line").asInt() > 0, "the access's line: " + side);
        assertTrue(side.path("stack").path(0).asText().startsWith("wedge.sample.OneShot.claim(OneShot.java:"),
                "stack from the woven method: " + side.path("stack"));
        assertTrue(side.path("name").asText().startsWith("claimer-"), side.toString());
    }

    @Test
    @Timeout(60)
    void aSecondRunWithTheFirstRunsPairsPausesBeforeAnyNearMiss() throws Exception {
        Path dir = ChildJvm.freshDir("hunt-pairs");
        Path pairs = dir.resolve("claims.pairs");
        ChildJvm.Result first = run(dir, "pairs=" + pairs, 1_000);
        assertEquals(0, first.status(), "on-race=continue runs to the end; stderr:\n" + first.stderr());
        assertTrue(first.stderr().contains("wedge-agent: race #1 "), "the first run reports: " + first.stderr());
        List<String> lines = Files.readAllLines(pairs).stream().filter(l -> l.startsWith("pair ")).toList();
        assertFalse(lines.isEmpty(), "pairs written at exit");
        assertTrue(lines.get(0).matches("pair taken\\.(read|write) wedge\\.sample\\.OneShot#claim taken\\.(read|write)"
                + " wedge\\.sample\\.OneShot#claim near=\\d+ gap=\\d+ caught=\\d+"), lines.get(0));

        Path dumps = dir.resolve("dumps");
        ChildJvm.Result second = run(dir, "pairs=" + pairs + ",on-race=exit", 10_000);
        assertEquals(66, second.status(), second.stderr());
        JsonNode hunt = onlyDump(dir).path("hunt");
        assertEquals(lines.size(), hunt.path("pairsLoaded").asInt());
        assertEquals(0, hunt.path("firstPause").path("nearMissesBefore").asLong(),
                "the first pause came from the file, before any near miss: " + hunt.path("firstPause"));
        assertFalse(hunt.path("firstPause").path("exploring").asBoolean(true), hunt.path("firstPause").toString());
        assertTrue(second.stderr().contains("after 0 near misses in this run"), second.stderr());
        assertTrue(Files.isDirectory(dumps));
    }

    @Test
    @Timeout(60)
    void aMissingPairsFileIsCreatedAndAMalformedOneStopsTheJvmNamingFileAndLine() throws Exception {
        Path dir = ChildJvm.freshDir("hunt-bad-pairs");
        Path missing = dir.resolve("new.pairs");
        ChildJvm.Result created = run(dir, "pairs=" + missing, 200);
        assertEquals(0, created.status(), created.stderr());
        assertTrue(Files.isRegularFile(missing));

        Path bad = dir.resolve("bad.pairs");
        Files.writeString(bad, "# ok\npair taken.read wedge.sample.OneShot#claim taken.write\n");
        ChildJvm.Result r = run(dir, "pairs=" + bad, 200);
        assertEquals(2, r.status(), r.stderr());
        List<String> lines = r.agentErrorLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("wedge-agent: pairs file " + bad + " line 2: expected 'pair POINT"),
                lines.get(0));

        Files.writeString(bad, "pair taken.peek a.B#c taken.write a.B#c near=1 gap=5 caught=0\n");
        r = run(dir, "pairs=" + bad, 200);
        assertEquals(2, r.status(), r.stderr());
        assertTrue(r.stderr().contains("pairs file " + bad + " line 1: unknown point 'taken.peek'"), r.stderr());

        Path unreadable = Files.createDirectories(dir.resolve("a-directory.pairs"));
        r = run(dir, "pairs=" + unreadable, 200);
        assertEquals(2, r.status(), r.stderr());
        assertTrue(r.stderr().contains("pairs file " + unreadable + " cannot be read"), r.stderr());
    }

    /**
     * A second run of the same program and points starts from the pairs the first kept in the user cache, with no
     * option; a corrupt cached file is ignored and written anew; {@code pairs=none} keeps nothing.
     */
    @Test
    @Timeout(90)
    void aSecondRunLoadsThePairsTheFirstKeptInTheUserCache() throws Exception {
        Path dir = ChildJvm.freshDir("hunt-cache");
        ChildJvm.Result first = run(dir, "on-race=continue", 1_000);
        assertEquals(0, first.status(), first.stderr());
        assertTrue(first.stderr().contains("wedge-agent: race #1 "), "the first run reports: " + first.stderr());
        Path cached = onlyFile(cache(dir).resolve("wedge/pairs"));
        assertTrue(cached.getFileName().toString().startsWith(ClaimWorkload.class.getName() + "-"), cached.toString());
        List<String> lines = Files.readAllLines(cached).stream().filter(l -> l.startsWith("pair ")).toList();
        assertFalse(lines.isEmpty(), "pairs kept at exit: " + first.stderr());

        ChildJvm.Result second = run(dir, "on-race=exit", 10_000);
        assertEquals(66, second.status(), second.stderr());
        JsonNode hunt = onlyDump(dir).path("hunt");
        assertEquals("cache", hunt.path("pairsSource").asText(), hunt.toString());
        assertEquals(cached.toString(), hunt.path("pairsFile").asText());
        assertEquals(lines.size(), hunt.path("pairsLoaded").asInt());
        assertEquals(0, hunt.path("firstPause").path("nearMissesBefore").asLong(),
                "the first pause came from the cached pairs, before any near miss: " + hunt.path("firstPause"));
        assertFalse(hunt.path("firstPause").path("exploring").asBoolean(true), hunt.path("firstPause").toString());
        assertTrue(second.stderr().contains("hunt: " + lines.size() + " pairs loaded from the cache " + cached),
                second.stderr());

        Files.writeString(cached, "pair taken.read\n");
        ChildJvm.Result corrupt = run(dir, "on-race=continue,log=debug", 1_000);
        assertEquals(0, corrupt.status(), corrupt.stderr());
        assertTrue(corrupt.stderr().contains("hunt: cached pairs " + cached + " ignored: "), corrupt.stderr());
        assertTrue(Files.readAllLines(cached).stream().anyMatch(l -> l.startsWith("pair taken.")),
                "written anew at exit");

        Files.delete(cached);
        ChildJvm.Result none = run(dir, "pairs=none,on-race=continue", 1_000);
        assertEquals(0, none.status(), none.stderr());
        assertFalse(Files.exists(cached), "pairs=none keeps nothing");
    }

    /** A hunt run with its own user cache under {@code dir}, so that no test reads or fills the user's. */
    private static ChildJvm.Result run(Path dir, String options, long millis) throws Exception {
        Path points = dir.resolve("claims.points");
        Files.writeString(points, POINTS);
        String agent = "seed=1,strategy=hunt,snapshot=none,points=" + points + ",dump-dir=" + dir.resolve("dumps")
                + "," + options;
        return ChildJvm.run(ChildJvm.command(agent, ClaimWorkload.class, Long.toString(millis)),
                Map.of("XDG_CACHE_HOME", cache(dir).toString()), dir, 40);
    }

    private static Path cache(Path dir) {
        return dir.resolve("cache").toAbsolutePath();
    }

    private static Path onlyFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static JsonNode onlyDump(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("dumps"))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), json.toString());
            return JSON.readTree(json.get(0).toFile());
        }
    }
}
