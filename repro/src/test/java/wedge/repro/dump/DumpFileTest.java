package wedge.repro.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading refuses values of the wrong type with their place, and keeps no more events than the dump's ring. */
class DumpFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ObjectNode sample() throws IOException {
        return (ObjectNode) JSON.readTree(Path.of(WedgeDump.resource("ab-over-null.json")).toFile());
    }

    private Path write(JsonNode dump) throws IOException {
        return Files.write(dir.resolve("d.json"), JSON.writeValueAsBytes(dump));
    }

    private static void assertRefused(Path file, String why) {
        for (String sub : new String[] {"show", "explain", "timeline", "json"}) {
            WedgeDump r = WedgeDump.run(sub, file.toString());
            assertEquals(2, r.status, sub + ": " + r.err + r.out);
            assertEquals("wedge dump: " + file + ": " + why + "\n", r.err, sub);
        }
    }

    @Test
    void aNumberAsAnEventLabelIsRefused() throws IOException {
        ObjectNode d = sample();
        ((ObjectNode) d.get("events").get(3)).put("label", 5);
        assertRefused(write(d), "events[3].label: the number 5 where a string or null is expected");
    }

    @Test
    void anAddressThatIsNotHexIsRefusedNotPrinted() throws IOException {
        ObjectNode d = sample();
        ((ObjectNode) d.get("fault")).put("address", "0xZZ");
        assertRefused(write(d), "fault.address: \"0xZZ\" where a hex string like 0x7a1ad5a06261 or null is expected");
    }

    @Test
    void aNumberPastSixtyFourBitsIsRefused() throws IOException {
        ObjectNode d = sample();
        d.put("seed", new java.math.BigInteger("123456789012345678901234567890"));
        assertRefused(write(d), "seed: a number too large for 64 bits where a whole number of at most 64 bits is "
                + "expected");
    }

    @Test
    void nestingDeeperThanADumpIsRefused() throws IOException {
        ObjectNode d = sample();
        ArrayNode a = d.putArray("deep");
        for (int i = 0; i < 100; i++) {
            a = a.addArray();
        }
        WedgeDump r = WedgeDump.run("show", write(d).toString());
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("not a dump: Document nesting depth"), r.err);
    }

    @Test
    void moreEventsThanTheRingKeepsTheLastRingOfThem() throws Exception {
        ObjectNode d = sample();
        ((ObjectNode) d.get("options")).put("ring", "8");
        ArrayNode events = (ArrayNode) d.get("events");
        JsonNode model = events.get(0);
        events.removeAll();
        for (int i = 0; i < 10_000; i++) {
            events.add(((ObjectNode) model.deepCopy()).put("seq", i));
        }
        JsonNode loaded = DumpFile.load(write(d));
        assertEquals(8, loaded.get("events").size());
        assertEquals(9_992, loaded.get("events").get(0).get("seq").asLong());
        assertEquals(9_999, loaded.get("events").get(7).get("seq").asLong());
    }
}
