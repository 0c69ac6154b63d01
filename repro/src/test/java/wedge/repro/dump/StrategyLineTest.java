package wedge.repro.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run line of a dump names the settings of the strategy that ran, not those of the others. */
class StrategyLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "noise      | seed 7, strategy noise(p=0.05, pause=park, duration=20us), preset buggy",
        "controlled | seed 7, strategy controlled(search=pct, pct-depth=3, pct-steps=20000, stall=1s), preset buggy",
        "off        | seed 7, strategy off, preset buggy",
        "hunt       | seed 7, strategy hunt(on-race=continue, order=free), preset buggy",
    })
    void theRunLineShowsOnlyTheSettingsOfItsStrategy(String strategy, String line) throws IOException, BadDump {
        ObjectNode dump = (ObjectNode) JSON.readTree(Path.of(WedgeDump.resource("ab-over-null.json")).toFile());
        dump.put("strategy", strategy);
        ObjectNode options = dump.putObject("options");
        options.put("seed", "7").put("strategy", strategy).put("p", "0.05").put("pause", "park")
                .put("duration", "20us").put("points", "allocator").put("dump-dir", "dumps").put("on-fault", "exit")
                .put("ring", "16384").put("hang-timeout", "10s").put("log", "info").put("search", "pct")
                .put("pct-depth", "3").put("pct-steps", "20000").put("stall", "1s").put("on-race", "continue")
                .put("order", "free");
        Path file = dir.resolve("dump.json");
        JSON.writeValue(file.toFile(), dump);
        assertEquals(line, Dump.load(file).run());
    }
}
