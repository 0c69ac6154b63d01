package wedge.repro.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wedge run --agent hunt} on Larson: it finds the seed's crash on {@code buggy} with the lost update in the
 * dump, and on {@code strict} it reports nothing, because nothing races on {@code meta.freelist} there.
 */
class HuntRunTest {
    @TempDir
    java.nio.file.Path dumps;

    @Test
    @Timeout(300)
    void huntFaultsOnBuggyLarsonAndEachDumpExplainsTheLostUpdate() {
        List<Supplier<JsonNode>> runs = new ArrayList<>();
        for (int seed = 1; seed <= 5; seed++) {
            String s = Integer.toString(seed);
            runs.add(() -> WedgeRuns.run("--workload", "larson", "--preset", "buggy", "--agent", "hunt", "--seed", s,
                    "--seconds", "30", "--threads", "4", "--agent-option", "ring=65536",
                    "--dump-dir", dumps.resolve("buggy-" + s).toString()));
        }
        for (JsonNode r : WedgeRuns.parallel(runs)) {
            assertEquals("fault", r.path("outcome").asText(), r.toString());
            Wedge explain = new Wedge();
            assertEquals(0, explain.run("dump", "explain", r.path("dump").asText()), explain.err.toString());
            String text = explain.out.toString();
            // The lost update behind the fault, or, when it lies before the event window, the latest one on the
            // broken slab's freelist: either way a table of two threads with the overwriting write marked.
            assertTrue(text.matches("(?s).*\nRACE .*lost update.*\\| T\\d+ .*\\| T\\d+ .*LOST UPDATE.*"), text);
            JsonNode d = WedgeRuns.dump(r);
            assertEquals("hunt", d.path("strategy").asText());
            assertEquals(d.path("racesTotal").asLong(-1), r.path("races").asLong(-2), "the result counts the dump's "
                    + "race reports: " + r);
            assertTrue(d.path("hunt").path("pauses").asLong() > 0, "hunt paused: " + d.path("hunt"));
        }
    }

    @Test
    @Timeout(300)
    void strictLarsonUnderHuntIsCleanWithNoRaceReport() {
        List<Supplier<JsonNode>> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            String s = Integer.toString(seed);
            runs.add(() -> WedgeRuns.run("--workload", "larson", "--preset", "strict", "--agent", "hunt", "--seed", s,
                    "--seconds", "10", "--threads", "4", "--agent-option", "on-race=dump",
                    "--dump-dir", dumps.resolve("strict-" + s).toString()));
        }
        for (JsonNode r : WedgeRuns.parallel(runs)) {
            assertEquals("clean", r.path("outcome").asText(), "no fault and no race report on meta.freelist: " + r);
            assertTrue(r.path("dump").isNull(), r.toString());
            assertEquals(0, r.path("races").asLong(-1), "the hunt's closing line counts no report: " + r);
        }
    }
}
