package wedge.repro.dump;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dump written before the format's keys were made one convention ({@code wedge-dump/1}, the allocator snapshot's
 * keys in snake_case) is read as the current format: the reader sees lowerCamelCase keys only, with the same values.
 */
class OldDumpFormatTest {
    private static final String OLD = WedgeDump.resource("sample-fault-dump.json");

    @Test
    void anOldDumpIsReadWithTheCurrentKeys() throws BadDump {
        JsonNode root = DumpFile.load(Path.of(OLD));

        assertEquals("wedge-dump/2", root.path("format").asText());
        JsonNode heap = root.path("snapshot").path("heaps").path(0);
        assertEquals(1L << 20, heap.path("addressSpace").path("superslabSize").asLong());
        JsonNode slab = heap.path("superslabs").path(0).path("slabs").path(13);
        assertEquals("ss0/slab13", slab.path("label").asText());
        assertTrue(slab.path("ownerTid").asLong() > 0, slab.toString());
        List<String> snakeKeys = new ArrayList<>();
        collectSnakeKeys(root.path("snapshot"), snakeKeys);
        assertEquals(List.of(), snakeKeys);
    }

    @Test
    void explainReadsTheOldDumpsSlabs() {
        WedgeDump r = WedgeDump.run("explain", OLD);

        assertEquals(0, r.status, r.err);
        assertTrue(r.section("SLAB").contains("ss0/slab13  128 B  cap 512"), r.out);
    }

    @Test
    void snakeCaseBecomesLowerCamelCase() {
        assertEquals("ownerTid", FormatUpgrade.camel("owner_tid"));
        assertEquals("nonOwnerDrains", FormatUpgrade.camel("non_owner_drains"));
        assertEquals("label", FormatUpgrade.camel("label"));
        assertEquals("ownerTid", FormatUpgrade.camel("ownerTid"));
    }

    private static void collectSnakeKeys(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().contains("_")) {
                    out.add(f.getKey());
                }
                collectSnakeKeys(f.getValue(), out);
            });
        } else {
            node.elements().forEachRemaining(e -> collectSnakeKeys(e, out));
        }
    }
}
