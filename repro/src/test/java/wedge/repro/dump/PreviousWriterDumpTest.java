package wedge.repro.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wedge.repro.run.Signature;

/**
 * A {@code wedge-dump/2} as the agent wrote it before the dump was streamed (indented, by data binding, with
 * {@code jvm}, {@code os} and {@code points} before {@code fault} and {@code schedule} after {@code threads}; a
 * {@code hunt} run of buggy Larson, seed 3, ring 1024) is read by every verb; and the part of a dump a result line
 * needs reads the same from it, from the first format, and from a dump in today's order, where it stops before
 * the events.
 */
class PreviousWriterDumpTest {
    private static final String INDENTED = WedgeDump.resource("hunt-v2-indented.json");
    private static final String FIRST_FORMAT = WedgeDump.resource("sample-fault-dump.json");
    private static final Set<String> RESULT = Set.of("kind", "fault", "races", "racesTotal", "schedule", "snapshot");
    private static final List<String> TODAYS_ORDER = List.of("format", "kind", "createdAt", "pid", "seed", "strategy",
            "options", "preset", "fault", "secondaryFaults", "hang", "racesTotal", "races", "schedule",
            "snapshotError", "snapshot", "jvm", "os", "points", "hunt", "eventsTotal", "events", "threads", "replay");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The stored dump, compact and with its fields in the order the agent writes them today. */
    private static String todaysForm() throws IOException {
        ObjectNode old = (ObjectNode) JSON.readTree(Path.of(INDENTED).toFile());
        ObjectNode today = JSON.createObjectNode();
        for (String field : TODAYS_ORDER) {
            today.set(field, old.get(field));
        }
        assertEquals(old.size(), today.size(), "today's order names every field");
        return JSON.writeValueAsString(today);
    }

    @Test
    void showCountsItsRaceReportsAndNamesOnlyTheHuntsOwnSettings() {
        WedgeDump show = WedgeDump.run("show", INDENTED);
        assertEquals(0, show.status, show.err);
        assertEquals("RACES     21 race report(s): wedge dump explain shows them", show.section("RACES"));
        assertTrue(show.flat(show.section("RUN")).contains("strategy hunt(on-race=continue, order=free), preset "
                + "buggy"), show.out);
    }

    @Test
    void everyVerbReadsIt() {
        for (String verb : new String[] {"show", "explain", "timeline", "json"}) {
            WedgeDump r = WedgeDump.run(verb, INDENTED);
            assertEquals(0, r.status, verb + ": " + r.err);
        }
        WedgeDump explain = WedgeDump.run("explain", INDENTED);
        assertTrue(explain.out.contains("fault_addr = 0x6261  (ab-over-null)"), explain.out);
        assertTrue(explain.section("SLAB").contains("ss1/slab6  128 B  cap 512 used 266 carved 512"), explain.out);
        assertTrue(explain.section("RACES").contains("21 race report(s)"), explain.out);
    }

    @Test
    void theResultFieldsReadAsTheWholeDumpGivesThem() throws BadDump {
        for (String file : new String[] {INDENTED, FIRST_FORMAT}) {
            JsonNode whole = DumpFile.load(Path.of(file));
            JsonNode head = DumpFile.loadFields(Path.of(file), RESULT);

            assertEquals(Signature.of(whole), Signature.of(head), file);
            for (String field : RESULT) {
                assertEquals(whole.get(field), head.get(field), file + ": " + field);
            }
        }
        assertEquals("segv:ab-over-null", Signature.of(DumpFile.loadFields(Path.of(INDENTED), RESULT)));
    }

    /** The same content as the agent writes it today, compact and in today's order, reads exactly the same. */
    @Test
    void compactInTodaysOrderItIsExplainedTheSame() throws IOException {
        Path compact = Files.writeString(dir.resolve("compact.json"), todaysForm());

        for (String verb : new String[] {"explain", "timeline", "show"}) {
            assertEquals(WedgeDump.run(verb, INDENTED).out, WedgeDump.run(verb, compact.toString()).out, verb);
        }
        String json = WedgeDump.run("json", compact.toString()).out;
        assertTrue(json.startsWith("{\n  \"format\" : \"wedge-dump/2\",\n  \"kind\" : \"fault\""), json.substring(0, 80));
    }

    /** In today's order the result fields come first: a dump cut inside its events still gives them. */
    @Test
    void theResultFieldsAreReadWithoutTheEvents() throws IOException, BadDump {
        String text = todaysForm();
        Path cut = Files.writeString(dir.resolve("cut.json"), text.substring(0, text.indexOf("\"events\":") + 500));

        BadDump whole = assertThrows(BadDump.class, () -> DumpFile.load(cut));
        assertTrue(whole.getMessage().contains("truncated JSON"), whole.getMessage());
        JsonNode head = DumpFile.loadFields(cut, RESULT);
        assertEquals("segv:ab-over-null", Signature.of(head));
        assertEquals(21, head.path("racesTotal").asInt());
    }
}
