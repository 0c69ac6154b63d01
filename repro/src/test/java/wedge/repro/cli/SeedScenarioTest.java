package wedge.repro.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped script of the seed's race (its section 1.3) on the scenario workload: on the buggy allocator it faults
 * every time, at the seed's address; on option-ac and strict the drainer never drains a slab it does not own, so the
 * script cannot be played past its first step and the run is clean.
 */
class SeedScenarioTest {
    /** The script, from the module directory the tests run in. */
    static final Path SCRIPT = Path.of("..", "scripts", "scenarios", "seed-1.3.wedge").toAbsolutePath().normalize();

    @TempDir
    Path dumps;

    @Test
    @Timeout(150)
    void faultsOnBuggyTenRunsOutOfTen() {
        List<Supplier<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String dir = dumps.resolve("run" + i).toString();
            runs.add(() -> run("buggy", dir));
        }
        for (JsonNode r : WedgeRuns.parallel(runs)) {
            assertEquals("fault", r.path("outcome").asText(), r.toString());
            assertEquals("segv:ab-over-null", r.path("signature").asText(), r.toString());
            assertEquals("5/5", r.path("script").asText(), r.toString());
            assertEquals("0x6261", WedgeRuns.dump(r).path("fault").path("address").asText());
        }
    }

    @Test
    @Timeout(60)
    void cannotBePlayedOnOptionAcOrStrict() {
        List<Supplier<JsonNode>> runs = List.of(() -> run("option-ac", dumps.toString()),
                () -> run("strict", dumps.toString()));
        for (JsonNode r : WedgeRuns.parallel(runs)) {
            assertEquals("clean", r.path("outcome").asText(), r.toString());
            assertEquals("2/5", r.path("script").asText(), r.toString());
        }
    }

    static JsonNode run(String preset, String dumpDir) {
        return WedgeRuns.run("--workload", "scenario", "--preset", preset, "--script", SCRIPT.toString(),
                "--seconds", "10", "--dump-dir", dumpDir);
    }
}
