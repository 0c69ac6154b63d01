package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import wedge.sample.auto.AutoWorkload;

/**
 * {@code points=auto} with no point file and no fault type, in child JVMs on {@link AutoWorkload}: what cannot race
 * gives no report and an empty discovered profile; a {@code byte} and a {@code double} field race and are reported
 * with their values; an exception that escapes a worker is the fault, described where it was thrown when it is one
 * of the JDK's usual suspects; a non-zero exit is the fault; a bad scope stops the JVM before {@code main}.
 */
class AutoPointsIT {
    private static final String SCOPE = "points=auto:wedge.sample.auto.*";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(60)
    void finalVolatileAndOneThreadFieldsGiveNoRaceAndAnEmptyProfile() throws Exception {
        Path dir = ChildJvm.freshDir("auto-sealed");
        ChildJvm.Result r = run(dir, "sealed", "20000");
        assertEquals(0, r.status(), r.stderr());
        assertFalse(r.stderr().contains("race #"), r.stderr());
        String profile = Files.readString(dir.resolve("wedge-discovered.points"));
        assertTrue(profile.contains("No field was seen shared"), profile);
        assertFalse(profile.lines().anyMatch(l -> l.startsWith("field-")), profile);
        assertTrue(r.stderr().contains("wedge-agent: discovered-written path=\""
                + dir.resolve("wedge-discovered.points").toAbsolutePath() + "\" fields=0"), r.stderr());
    }

    /**
     * A field the agent could not weave before (byte, double) is found and raced; the lost update ends {@code main}
     * with an uncaught exception, so the dump holds the reports, each side with the value it read or wrote.
     */
    @ParameterizedTest
    @CsvSource({"byte, count", "double, total"})
    @Timeout(90)
    void aByteAndADoubleFieldRaceAndAreReportedWithTheirValues(String type, String name) throws Exception {
        Path dir = ChildJvm.freshDir("auto-" + type);
        ChildJvm.Result r = run(dir, type, "200000");
        assertEquals(139, r.status(), "a lost update ends main uncaught; stderr:\n" + r.stderr());
        JsonNode d = onlyDump(dir);
        assertEquals("uncaught-at-throw", d.path("fault").path("rule").asText(), d.path("fault").toString());
        JsonNode race = d.path("races").path(0);
        String field = "wedge.sample.auto.Narrow#" + name;
        assertEquals(field, race.path("field").asText(), race.toString());
        assertTrue(race.path("paused").path("value").isIntegralNumber(), race.toString());
        assertTrue(race.path("other").path("value").isIntegralNumber()
                || race.path("reread").path("value").isIntegralNumber(), race.toString());
        String profile = Files.readString(dir.resolve("wedge-discovered.points"));
        assertTrue(profile.contains("field-write  " + field), profile);
    }

    @Test
    @Timeout(60)
    void anExceptionEscapingAWorkerIsTheFaultWhenNoFaultTypeIsNamed() throws Exception {
        JsonNode fault = dumpOf("throws", 139).path("fault");
        assertEquals("java.lang.UnsupportedOperationException", fault.path("type").asText());
        assertEquals("worker", fault.path("thread").path("name").asText());
        assertEquals("uncaught", fault.path("rule").asText());
        assertTrue(fault.path("thrownAt").isNull(), fault.toString());
    }

    /**
     * A NullPointerException that escapes is described where it was thrown: the site of the null dereference and the
     * thread's last point before it (the read of the cleared field), not the {@code finally} it passed on its way
     * out; the one the worker caught before is no fault. The woven read of the field keeps the JVM's helpful message.
     */
    @Test
    @Timeout(60)
    void anEscapingNullPointerExceptionIsDescribedWhereItWasThrown() throws Exception {
        JsonNode dump = dumpOf("npe", 139);
        JsonNode fault = dump.path("fault");
        assertEquals("java.lang.NullPointerException", fault.path("type").asText(), fault.toString());
        assertEquals("Cannot invoke \"String.length()\" because \"this.item\" is null",
                fault.path("message").asText(), "the woven read keeps the JVM's helpful message");
        assertEquals("uncaught-at-throw", fault.path("rule").asText(), fault.toString());
        assertEquals("wedge.sample.auto.Holder#use", fault.path("thrownAt").path("site").asText(), fault.toString());
        assertEquals("Holder#item.read", fault.path("lastPoint").path("name").asText(), fault.toString());
        assertEquals("wedge.sample.auto.Holder#use", fault.path("lastPoint").path("site").asText(),
                fault.toString());
        JsonNode read = dump.path("events").get(fault.path("lastPoint").path("seq").asInt() - dump.path("events")
                .path(0).path("seq").asInt());
        assertEquals("Holder#item.read", read.path("point").asText(), read.toString());
        assertEquals(fault.path("thread").path("ordinal").asInt(), read.path("thread").asInt(), read.toString());
        assertTrue(read.path("nanos").asLong() < fault.path("thrownAt").path("nanos").asLong(), read.toString());
    }

    /**
     * A main that exits with 3 on seeing a corrupted state (the NullPointerException it caught is none) is a fault;
     * the JVM still exits with 3.
     */
    @Test
    @Timeout(60)
    void aNonZeroExitIsTheFaultWhenNoFaultTypeIsNamed() throws Exception {
        JsonNode fault = dumpOf("exit", 3).path("fault");
        assertEquals("exit-status", fault.path("rule").asText(), fault.toString());
        assertEquals("System.exit", fault.path("type").asText(), fault.toString());
        assertEquals("status 3", fault.path("message").asText(), fault.toString());
        assertEquals("main", fault.path("thread").path("name").asText(), fault.toString());
        assertTrue(fault.path("stack").path(0).asText().contains("java.lang.Runtime.exit"), fault.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "points=auto:; the scope is empty",
        "points=auto:wedge..x; bad scope 'wedge..x'",
        "points=auto:wedge.**; would weave wedge.agent",
        "points=auto:no.such.pkg.*; nothing would be woven"})
    @Timeout(30)
    void aBadScopeStopsTheJvmBeforeMain(String option, String message) throws Exception {
        Path dir = ChildJvm.freshDir("auto-bad");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(option + ",dump-dir=" + dir, AutoWorkload.class, "throws"),
                dir, 20);
        assertEquals(2, r.status(), r.stderr());
        assertTrue(r.stderr().contains(message), r.stderr());
    }

    private static ChildJvm.Result run(Path dir, String... args) throws Exception {
        return ChildJvm.run(ChildJvm.command("seed=1,pairs=none,weave-cache=off," + SCOPE + ",dump-dir=" + dir,
                AutoWorkload.class, args), dir, 60);
    }

    /** The one dump of a run of {@code mode}, which must end with {@code status}. */
    private static JsonNode dumpOf(String mode, int status) throws Exception {
        Path dir = ChildJvm.freshDir("auto-" + mode);
        ChildJvm.Result r = run(dir, mode);
        assertEquals(status, r.status(), r.stderr());
        return onlyDump(dir);
    }

    private static JsonNode onlyDump(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(f -> f.getFileName().toString().startsWith("wedge-fault-")
                    && f.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), json.toString());
            return JSON.readTree(json.get(0).toFile());
        }
    }
}
