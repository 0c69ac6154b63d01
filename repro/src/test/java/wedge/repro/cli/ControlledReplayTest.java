package wedge.repro.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under {@code --agent controlled} the seed decides the whole interleaving of Larson on the buggy allocator, so a
 * seed is a crash: two runs of it (side by side, to disturb each other) fault at the same address after the same
 * event trace.
 */
class ControlledReplayTest {
    @TempDir
    Path dumps;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @Timeout(120)
    void twoRunsOfASeedFaultAtTheSameAddressAfterTheSameTrace(long seed) {
        List<Supplier<JsonNode>> runs = List.of(() -> run(seed, "a"), () -> run(seed, "b"));
        List<JsonNode> dumpsOfSeed = WedgeRuns.parallel(runs);
        JsonNode a = dumpsOfSeed.get(0);
        JsonNode b = dumpsOfSeed.get(1);
        assertEquals("controlled", a.path("strategy").asText());
        assertTrue(a.path("schedule").path("deterministic").asBoolean(), a.path("schedule").path("lost").toString());
        assertEquals(a.path("fault").path("address").asText(), b.path("fault").path("address").asText());
        assertEquals(a.path("schedule").path("traceHash").asText(), b.path("schedule").path("traceHash").asText());
        assertEquals(a.path("schedule").path("decisions").asLong(), b.path("schedule").path("decisions").asLong());
    }

    private JsonNode run(long seed, String copy) {
        JsonNode result = WedgeRuns.run("--workload", "larson", "--preset", "buggy", "--agent", "controlled",
                "--seed", Long.toString(seed), "--threads", "4", "--seconds", "20",
                "--dump-dir", dumps.resolve(copy).toString());
        assertEquals("fault", result.path("outcome").asText(), result.toString());
        return WedgeRuns.dump(result);
    }
}
