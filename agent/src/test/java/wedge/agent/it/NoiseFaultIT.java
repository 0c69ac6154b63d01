package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        // A ring large enough to hold the race as well as the fault, which can lie thousands of events apart.
        List<String> cmd = ChildJvm.workload("seed=" + seed + ",ring=65536,dump-dir=" + dumps,
                Stream.concat(Stream.of(ENDLESS), Stream.of(Long.toString(seed))).toArray(String[]::new));
        ChildJvm.Result r = ChildJvm.run(cmd, dir, 20);
        assertEquals(139, r.status(), "exit status (-1 = no fault within 20 s); stderr:\n" + r.stderr());

        Path json;
        try (Stream<Path> files = Files.list(dumps)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertTrue(Files.exists(Path.of(json.toString().replace(".json", ".txt"))), "text summary beside the dump");
        JsonNode d = new ObjectMapper().readTree(json.toFile());
        assertEquals("wedge-dump/2", d.get("format").asText());
        assertEquals("fault", d.get("kind").asText());
        assertEquals(seed, d.get("seed").asLong());

        long address = d.get("fault").get("addressValue").asLong();
        JsonNode heap = d.get("snapshot").get("heaps").get(0);
        long base = Long.decode(heap.get("addressSpace").get("base").asText());
        long end = Long.decode(heap.get("addressSpace").get("end").asText());
        boolean unmapped = address < base || address >= end;
        boolean clobberedLink = d.get("fault").get("type").asText().equals("wedge.allocator.InvalidFree")
                && (address & 0xffff) == 0x6261;
        assertTrue(unmapped || clobberedLink, "fault address " + Long.toHexString(address)
                + " is unmapped, or a link whose low bytes became 'a','b' that was freed as a block");

        // The capture began before the fault's message and stack were built: no event, and so no write at a point,
        // comes after that moment.
        long began = d.get("fault").get("nanos").asLong();
        for (JsonNode e : d.get("events")) {
            assertTrue(e.get("nanos").asLong() < began, "event " + e + " after the capture began at " + began);
        }

        // The corruption shows in the snapshot (a broken freelist or thread cache), or the fault is a free of a
        // clobbered link, or the events show the clobbered head written over by another thread before the capture
        // began: the faulting thread may sit in a pause at its read of that head while a drainer's lost update, stamped
        // before the fault, puts a list without it back in its place.
        List<String> broken = brokenSlabs(heap);
        Map<String, Integer> clobberedBy = new HashMap<>();
        Map<String, Long> lastClobbered = new HashMap<>();
        boolean clobberedHeadOverwritten = false;
        String faultSlab = null;
        long lastSeq = d.get("fault").path("lastPoint").path("seq").asLong(-1);
        for (JsonNode e : d.get("events")) {
            String slab = e.get("label").asText();
            if (e.get("point").asText().equals("freelist.write")) {
                Integer clobberer = clobberedBy.get(slab);
                clobberedHeadOverwritten |= clobberer != null && clobberer != e.get("thread").asInt();
                if ((e.get("value").asLong() & 0xffff) == 0x6261) {
                    clobberedBy.put(slab, e.get("thread").asInt());
                    lastClobbered.put(slab, e.get("value").asLong());
                } else {
                    lastClobbered.remove(slab);
                }
            }
            if (e.get("seq").asLong() == lastSeq) {
                faultSlab = slab;
            }
        }
        // A write is recorded before it is made, so a drainer paused between the two puts its list back after the
        // clobbered head's write in fact, while its event comes before it: then the snapshot's head is not the
        // clobbered value the events left last.
        Map<String, String> heads = heads(heap);
        for (Map.Entry<String, Long> c : lastClobbered.entrySet()) {
            clobberedHeadOverwritten |= !Long.decode(heads.getOrDefault(c.getKey(), "0x0")).equals(c.getValue());
        }
        boolean cacheBroken = cacheBreaks(heap).stream().anyMatch(a -> (a & 0xffff) == 0x6261);
        assertTrue(!broken.isEmpty() || cacheBroken || clobberedLink || clobberedHeadOverwritten,
                "the dump shows the corrupted list: broken slabs " + broken + ", heads clobbered in the events "
                        + clobberedBy.keySet());
        List<String> raceSlabs = new ArrayList<>(broken);
        if (faultSlab != null) {
            raceSlabs.add(faultSlab);
        }
        if (clobberedLink) {
            raceSlabs.add(slabHolding(heap, address));
        }
        Map<String, Set<Integer>> readers = new HashMap<>();
        Map<String, Set<Integer>> writers = new HashMap<>();
        for (JsonNode e : d.get("events")) {
            String point = e.get("point").asText();
            if (point.equals("freelist.read") || point.equals("freelist.write")) {
                (point.equals("freelist.read") ? readers : writers)
                        .computeIfAbsent(e.get("label").asText(), k -> new HashSet<>()).add(e.get("thread").asInt());
            }
        }
        boolean raced = raceSlabs.stream().anyMatch(slab -> {
            Set<Integer> both = new HashSet<>(readers.getOrDefault(slab, Set.of()));
            both.addAll(writers.getOrDefault(slab, Set.of()));
            return readers.containsKey(slab) && writers.containsKey(slab) && both.size() >= 2;
        });
        assertTrue(raced, "a slab of " + raceSlabs + " has freelist reads and writes by two threads; readers "
                + readers + ", writers " + writers);
    }

    /** The addresses at which threads' cache walks broke. */
    private static List<Long> cacheBreaks(JsonNode heap) {
        List<Long> breaks = new ArrayList<>();
        for (JsonNode t : heap.get("threads")) {
            for (JsonNode c : t.get("classes")) {
                if (c.get("cache").has("broken")) {
                    breaks.add(Long.decode(c.get("cache").get("broken").get("address").asText()));
                }
            }
        }
        return breaks;
    }

    /** The label of the slab whose memory holds {@code address}. */
    private static String slabHolding(JsonNode heap, long address) {
        for (JsonNode ss : heap.get("superslabs")) {
            for (JsonNode slab : ss.get("slabs")) {
                long base = Long.decode(slab.get("base").asText());
                if (address >= base && address < base + 0x10000) {
                    return slab.get("label").asText();
                }
            }
        }
        throw new AssertionError("no slab holds " + Long.toHexString(address));
    }

    /** The labels of the slabs whose freelist walk broke. */
    /** Each slab's freelist head in the snapshot, by label. */
    private static Map<String, String> heads(JsonNode heap) {
        Map<String, String> heads = new HashMap<>();
        for (JsonNode ss : heap.get("superslabs")) {
            for (JsonNode slab : ss.get("slabs")) {
                heads.put(slab.get("label").asText(), slab.get("freelist").get("head").asText());
            }
        }
        return heads;
    }

    private static List<String> brokenSlabs(JsonNode heap) {
        List<String> broken = new ArrayList<>();
        for (JsonNode ss : heap.get("superslabs")) {
            for (JsonNode slab : ss.get("slabs")) {
                if (slab.get("freelist").has("broken")) {
                    broken.add(slab.get("label").asText());
                }
            }
        }
        return broken;
    }
}
