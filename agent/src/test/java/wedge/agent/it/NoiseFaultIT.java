package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's reason to exist: on the seed's buggy allocator, noise at the race points turns the rare lost update
 * on {@code meta.freelist} into a real fault within seconds, and the dump shows it.
 */
class NoiseFaultIT {
    /** The workload never ends on its own within the limit; only a fault stops it. */
    private static final String[] ENDLESS = {"buggy", "4", "1000000", "20000"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void faultsWithinTwentySecondsAndTheDumpShowsTheRace(long seed) throws Exception {
        Path dir = ChildJvm.freshDir("noise-" + seed);
        Path dumps = dir.resolve("dumps");
        List<String> cmd = ChildJvm.workload("seed=" + seed + ",dump-dir=" + dumps,
                Stream.concat(Stream.of(ENDLESS), Stream.of(Long.toString(seed))).toArray(String[]::new));
        ChildJvm.Result r = ChildJvm.run(cmd, dir, 20);
        assertEquals(139, r.status(), "exit status (-1 = no fault within 20 s); stderr:\n" + r.stderr());

        Path json;
        try (Stream<Path> files = Files.list(dumps)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertTrue(Files.exists(Path.of(json.toString().replace(".json", ".txt"))), "text summary beside the dump");
        JsonNode d = new ObjectMapper().readTree(json.toFile());
        assertEquals("wedge-dump/1", d.get("format").asText());
        assertEquals("fault", d.get("kind").asText());
        assertEquals(seed, d.get("seed").asLong());

        long address = d.get("fault").get("addressValue").asLong();
        JsonNode heap = d.get("snapshot").get("heaps").get(0);
        long base = Long.decode(heap.get("address_space").get("base").asText());
        long end = Long.decode(heap.get("address_space").get("end").asText());
        boolean unmapped = address < base || address >= end;
        boolean clobberedLink = d.get("fault").get("type").asText().equals("wedge.allocator.InvalidFree")
                && (address & 0xffff) == 0x6261;
        assertTrue(unmapped || clobberedLink, "fault address " + Long.toHexString(address)
                + " is unmapped, or a link whose low bytes became 'a','b' that was freed as a block");

        String broken = brokenSlab(heap);
        assertNotNull(broken, "the snapshot marks a slab whose freelist is broken");
        Set<Integer> readers = new HashSet<>();
        Set<Integer> writers = new HashSet<>();
        for (JsonNode e : d.get("events")) {
            if (broken.equals(e.get("label").asText())) {
                String point = e.get("point").asText();
                if (point.equals("freelist.read")) {
                    readers.add(e.get("thread").asInt());
                } else if (point.equals("freelist.write")) {
                    writers.add(e.get("thread").asInt());
                }
            }
        }
        Set<Integer> both = new HashSet<>(readers);
        both.addAll(writers);
        assertFalse(readers.isEmpty() || writers.isEmpty(), "freelist reads and writes on " + broken);
        assertTrue(both.size() >= 2, "threads touching " + broken + "'s freelist: " + both);
    }

    /** The label of the first slab whose freelist walk broke. */
    private static String brokenSlab(JsonNode heap) {
        for (JsonNode ss : heap.get("superslabs")) {
            for (JsonNode slab : ss.get("slabs")) {
                if (slab.get("freelist").has("broken")) {
                    return slab.get("label").asText();
                }
            }
        }
        return null;
    }
}
