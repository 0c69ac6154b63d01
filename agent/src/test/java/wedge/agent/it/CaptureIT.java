package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The capture's other endings, each on the real allocator in a child JVM: a fault the program catches, two faults at
 * once, and a thread spinning for ever on a cyclic list.
 */
class CaptureIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onFaultThrowTheProgramCatchesTheFaultTheDumpIsWrittenOnceAndTheRunGoesOn() throws Exception {
        Path dir = ChildJvm.freshDir("capture-throw");
        Path dumps = dir.resolve("dumps");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command("seed=1,on-fault=throw,dump-dir=" + dumps,
                CaptureWorkload.class, "throw"), dir, 60);
        assertEquals(0, r.status(), "stderr:\n" + r.stderr());
        assertEquals(List.of("caught SIGSEGV-equivalent: load8 at 0x6261 (unmapped)",
                "caught SIGSEGV-equivalent: load8 at 0x6262 (unmapped)", "went on"), r.stdout().lines().toList());
        assertEquals(1, r.stderr().lines().filter(l -> l.startsWith("wedge-agent: dump-written kind=fault")).count(),
                r.stderr());
        assertTrue(r.stderr().contains("fault after the dump was written, not captured"), r.stderr());
        List<Path> json = dumps(dumps);
        assertEquals(1, json.size(), json.toString());
        JsonNode d = JSON.readTree(json.get(0).toFile());
        assertEquals("0x6261", d.get("fault").get("address").asText());
        assertEquals("throw", d.get("options").get("on-fault").asText());
    }

    @Test
    void twoThreadsFaultingAtOnceMakeOneDumpWithTheSecondFaultAndBothStacks() throws Exception {
        Path dir = ChildJvm.freshDir("capture-two");
        Path dumps = dir.resolve("dumps");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command("seed=1,dump-dir=" + dumps, CaptureWorkload.class, "two"),
                dir, 60);
        assertEquals(139, r.status(), "stderr:\n" + r.stderr());
        List<Path> json = dumps(dumps);
        assertEquals(1, json.size(), json.toString());
        JsonNode d = JSON.readTree(json.get(0).toFile());
        JsonNode second = d.get("secondaryFaults");
        assertEquals(1, second.size(), "the other thread's fault: " + second);
        Map<String, String> addressOf = new HashMap<>();
        addressOf.put(d.get("fault").get("thread").get("name").asText(), d.get("fault").get("address").asText());
        addressOf.put(second.get(0).get("thread").get("name").asText(), second.get(0).get("address").asText());
        assertEquals(Map.of("faulter-0", "0x6261", "faulter-1", "0x6269"), addressOf);
        for (JsonNode f : List.of(d.get("fault"), second.get(0))) {
            assertTrue(f.get("stack").get(0).asText().contains("AddressSpace"), f.get("stack").toString());
        }
        for (String name : addressOf.keySet()) {
            JsonNode t = thread(d, name);
            assertEquals("faulted", t.get("status").asText(), t.toString());
            assertTrue(t.get("stack").toString().contains("CaptureWorkload"), t.toString());
        }
    }

    @Test
    void aThreadSpinningOnACyclicListGivesAHangDumpWithEveryStackAndStatus134() throws Exception {
        Path dir = ChildJvm.freshDir("capture-hang");
        // Method points only: the drain's loop passes no point while it spins, as a loop in code outside the point
        // file would.
        Path points = Files.writeString(dir.resolve("methods.points"), String.join("\n",
                "method-enter wedge.allocator.SuperSlab#drainToFreelist drain.enter value=arg0",
                "method-enter wedge.allocator.SuperSlab#remotePush remote.push value=arg1", ""));
        JsonNode d = hangDump(dir, "hang-timeout=1s,p=0,points=" + points
                + ",fault-type=wedge.allocator.SegmentationFault",
                "hang: no point passed for");
        JsonNode main = thread(d, "main");
        assertEquals("inside", main.get("status").asText(), main.toString());
        assertTrue(main.get("stack").get(0).asText().contains("SuperSlab.drainToFreelist"), main.toString());
        assertTrue(d.get("threads").size() >= 2, "every thread of the JVM, with its stack");
        for (JsonNode t : d.get("threads")) {
            assertTrue(t.get("stack").isArray(), t.toString());
        }
    }

    @Test
    void aDrainSpinningThroughTheProfilesPointsOnACyclicListGivesAHangDump() throws Exception {
        // The allocator's own profile: the drain passes freelist.read and freelist.write on every lap of the cycle,
        // so the event counter never stalls; noise pauses it now and then, as in any run.
        // A 2 s timeout: the first pause loads the flight-recorder event class, which on a loaded machine can
        // outlast 1 s, and a stall before the spin would be taken for a hang of the other kind.
        JsonNode d = hangDump(ChildJvm.freshDir("capture-spin"), "hang-timeout=2s,points=allocator",
                "hang: spun through one cycle of points in one call for");
        assertTrue(thread(d, "main").get("stack").toString().contains("SuperSlab.drainToFreelist"), d.toString());
        assertTrue(d.get("hang").get("stalledMillis").asLong() >= 2000, d.get("hang").toString());
    }

    /**
     * Runs the workload's cyclic drain under {@code options} (with a hang timeout), checks that it ended as a
     * hang the agent logged as {@code how}, with exactly one hang dump, and returns that dump.
     */
    private static JsonNode hangDump(Path dir, String options, String how) throws Exception {
        Path dumps = dir.resolve("dumps");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command("seed=1," + options + ",dump-dir=" + dumps,
                CaptureWorkload.class, "hang"), dir, 60);
        assertEquals(134, r.status(), "stdout:\n" + r.stdout() + "stderr:\n" + r.stderr());
        assertTrue(r.stdout().startsWith("cycle made at 0x"), r.stdout());
        assertFalse(r.stdout().contains("drained"), r.stdout());
        assertTrue(r.stderr().contains(how), r.stderr());
        List<Path> json = dumps(dumps);
        assertEquals(1, json.size(), json.toString());
        assertTrue(json.get(0).getFileName().toString().startsWith("wedge-hang-"), json.toString());
        JsonNode d = JSON.readTree(json.get(0).toFile());
        assertEquals("hang", d.get("kind").asText());
        return d;
    }

    private static JsonNode thread(JsonNode dump, String name) {
        for (JsonNode t : dump.get("threads")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no thread " + name + " in " + dump.get("threads"));
    }

    private static List<Path> dumps(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
