package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import wedge.repro.sweep.ResultFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many seeds per child JVM ({@code --batch}): each seed means what it means alone, a fault ends only its seed, a
 * hang or a killed JVM ends the batch and the seeds after it still run.
 */
class BatchSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEAP_LABEL = Pattern.compile("wedge\\.allocator\\.TinyHeap@[0-9a-f]+");

    @TempDir
    Path work;

    /**
     * Twenty buggy Larson seeds, ten per JVM, under {@code controlled}: twenty results, each fault with a dump of its
     * own that holds its seed's run alone (its seed, one heap, no other seed's heap in its events), seeds 1..5 with
     * the trace hashes they have when each runs in a JVM of its own, and a dump of the batch replayed alone.
     */
    @Test
    @Timeout(240)
    void twentySeedsInBatchesOfTenMeanWhatTheyMeanAlone() throws Exception {
        List<JsonNode> batched = sweep("1..20", "10", "batched");
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), seeds(batched));
        Set<String> dumps = new HashSet<>();
        Map<String, String> heapOfSeed = new HashMap<>();
        Set<Long> pids = new HashSet<>();
        for (JsonNode r : batched) {
            assertTrue(r.path("batched").asBoolean(), r.toString());
            if (!r.path("outcome").asText().equals("fault")) {
                continue;
            }
            assertTrue(dumps.add(r.path("dump").asText()), "a dump of its own: " + r);
            JsonNode d = JSON.readTree(Path.of(r.path("dump").asText()).toFile());
            assertEquals(r.path("seed").asLong(), d.path("seed").asLong(), r.toString());
            assertEquals(1, d.path("snapshot").path("heaps").size(), "one heap in the dump of " + r);
            Set<String> heaps = new HashSet<>();
            d.path("events").forEach(e -> {
                Matcher m = HEAP_LABEL.matcher(e.path("label").asText());
                if (m.find()) {
                    heaps.add(m.group());
                }
            });
            assertEquals(1, heaps.size(), "the events of seed " + r.path("seed") + " name one heap: " + heaps);
            String other = heapOfSeed.put(d.path("pid").asText() + heaps.iterator().next(), r.path("seed").asText());
            assertEquals(null, other, "seeds " + other + " and " + r.path("seed") + " share a heap");
            pids.add(d.path("pid").asLong());
        }
        assertTrue(dumps.size() >= 15, "most seeds fault: " + batched);
        assertTrue(pids.size() <= 6, "seeds share JVMs: " + pids.size() + " JVMs for " + dumps.size() + " dumps");

        List<JsonNode> alone = sweep("1..5", "1", "alone");
        for (int i = 0; i < 5; i++) {
            assertFalse(alone.get(i).path("batched").asBoolean(), alone.get(i).toString());
            assertEquals(traceHash(alone.get(i)), traceHash(batched.get(i)), "seed " + (i + 1));
        }

        Wedge replay = new Wedge();
        assertEquals(0, replay.run("replay", batched.get(2).path("dump").asText(), "--dump-dir",
                work.resolve("replay").toString()), replay.err.toString());
        assertTrue(replay.out.toString().contains("same trace hash as the dump: " + traceHash(batched.get(2))),
                replay.out.toString());
    }

    /**
     * A seed of a program's entry that hangs mid-batch is a hang, and the seeds after it run in a new JVM, where a
     * fault ends its seed only.
     */
    @Test
    @Timeout(120)
    void aSeedThatHangsMidBatchIsAHangAndTheSeedsAfterItStillRun() throws Exception {
        Path points = Files.writeString(work.resolve("target.points"), BatchTarget.PROFILE);
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("sweep", "--main", BatchTarget.class.getName(), "--classpath",
                BatchUsageTest.classes().toString(), "--points", points.toString(), "--entry",
                BatchTarget.class.getName() + "#seed", "--agent-option", "hang-timeout=1s", "--seconds", "10",
                "--seeds", "1..4", "--batch", "4", "--out", work.resolve("s.jsonl").toString(), "--dump-dir",
                work.resolve("dumps").toString()), wedge.err.toString());
        List<JsonNode> results = ResultFile.read(work.resolve("s.jsonl"));
        assertEquals(List.of(1L, 2L, 3L, 4L), seeds(results), results.toString());
        for (JsonNode r : results) {
            long seed = r.path("seed").asLong();
            String expected = seed == BatchTarget.HANGS ? "hang" : seed == BatchTarget.FAULTS ? "fault" : "clean";
            assertEquals(expected, r.path("outcome").asText(), r.toString());
        }
        assertEquals(2, results.stream().filter(r -> r.has("jvm_start_ms")).count(),
                "the seeds after the hang ran in a second JVM, the fault's and the one after it: " + results);
    }

    /** A batch JVM killed under a seed loses that seed only: it runs again in a new JVM and the sweep goes on. */
    @Test
    @Timeout(120)
    void aBatchJvmKilledMidSweepLosesOnlyTheSeedItRan() throws Exception {
        Path out = work.resolve("s.jsonl");
        Wedge wedge = new Wedge();
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(() -> wedge.run("sweep", "--workload",
                "xthread", "--preset", "strict", "--agent", "off", "--seconds", "1", "--threads", "2", "--seeds", "1..3",
                "--batch", "3", "--out", out.toString(), "--dump-dir", work.resolve("dumps").toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ResultFile.read(out).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no seed ended: " + wedge.err);
            Thread.sleep(50);
        }
        ProcessHandle child = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("wedge.repro.cli.BatchMain")).findFirst()
                .orElseThrow();
        assertTrue(child.destroyForcibly(), "SIGKILL sent");
        assertEquals(0, sweep.get(60, TimeUnit.SECONDS), wedge.err.toString());
        List<JsonNode> results = ResultFile.read(out);
        assertEquals(List.of(1L, 2L, 3L), seeds(results).stream().sorted().toList(), results.toString());
        assertTrue(results.stream().allMatch(r -> r.path("outcome").asText().equals("clean")), results.toString());
        assertTrue(wedge.err.toString().contains("its batch JVM died under it (killed:SIGKILL); running it again in "
                + "a new JVM"), wedge.err.toString());
    }

    /**
     * verify-fix gives the same outcome per preset batched (both seeds of a preset in one JVM) as unbatched, on seeds
     * whose outcome is certain under {@code controlled}.
     */
    @Test
    @Timeout(240)
    void verifyFixBatchedGivesTheSameTableAsUnbatched() {
        Map<String, String> batched = verifyFix("10", "1");
        assertEquals(batched, verifyFix("1", "2"));
        assertEquals("2 0 0 0 0", batched.get("buggy"), batched.toString());
        assertEquals("0 0 0 2 0", batched.get("option-ac"), batched.toString());
        assertEquals("0 0 0 2 0", batched.get("strict"), batched.toString());
    }

    /** Per preset, the counts of fault, hang, race, clean and error of {@code verify-fix} on seeds 2..3. */
    private Map<String, String> verifyFix(String batch, String parallel) {
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("verify-fix", "--presets", "buggy,option-ac,strict", "--seeds", "2..3",
                "--agent", "controlled", "--threads", "4", "--seconds", "2", "--parallel", parallel, "--batch", batch,
                "--out", work.resolve("vf-" + batch + ".jsonl").toString(), "--dump-dir",
                work.resolve("dumps-" + batch).toString()), wedge.err.toString());
        Map<String, String> rows = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(\\S+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) ")
                .matcher(wedge.out.toString());
        while (m.find()) {
            rows.put(m.group(1), String.join(" ", m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)));
        }
        return rows;
    }

    /** A controlled sweep of buggy Larson over {@code seeds}, {@code batch} seeds per JVM; its results in order. */
    private List<JsonNode> sweep(String seeds, String batch, String name) throws IOException {
        Wedge wedge = new Wedge();
        Path out = work.resolve(name + ".jsonl");
        assertEquals(0, wedge.run("sweep", "--preset", "buggy", "--agent", "controlled", "--threads", "4",
                "--seconds", "10", "--seeds", seeds, "--batch", batch, "--parallel", "2", "--out", out.toString(),
                "--dump-dir", work.resolve(name).toString()), wedge.err.toString());
        return ResultFile.read(out).stream().sorted((a, b) -> Long.compare(a.path("seed").asLong(),
                b.path("seed").asLong())).toList();
    }

    private static String traceHash(JsonNode result) throws IOException {
        assertEquals("fault", result.path("outcome").asText(), result.toString());
        return JSON.readTree(Path.of(result.path("dump").asText()).toFile()).path("schedule").path("traceHash")
                .asText();
    }

    private static List<Long> seeds(List<JsonNode> results) {
        return results.stream().map(r -> r.path("seed").asLong()).toList();
    }
}
