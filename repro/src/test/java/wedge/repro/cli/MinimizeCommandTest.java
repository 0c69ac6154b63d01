package wedge.repro.cli;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wedge minimize}: the schedule of a scripted fault, shrunk, still faults the same way. */
class MinimizeCommandTest {
    private static final Pattern RESULT = Pattern.compile("minimized (\\d+) steps to (\\d+) in \\d+ runs; "
            + "signature (\\S+); script (\\S+)");

    @TempDir
    Path work;

    @Test
    @Timeout(150)
    void returnsAShorterScriptThatStillFaultsWithTheSameSignature() {
        JsonNode recorded = SeedScenarioTest.run("buggy", work.resolve("recorded").toString());
        assertEquals("fault", recorded.path("outcome").asText(), recorded.toString());

        Wedge wedge = new Wedge();
        Path script = work.resolve("min.wedge");
        assertEquals(0, wedge.run("minimize", recorded.path("dump").asText(), "--out", script.toString(),
                "--dump-dir", work.resolve("candidates").toString()), wedge.err.toString());
        Matcher m = RESULT.matcher(wedge.out.toString());
        assertTrue(m.find(), wedge.out.toString());
        assertTrue(Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)), m.group());
        assertEquals(recorded.path("signature").asText(), m.group(3));

        JsonNode again = WedgeRuns.run("--workload", "scenario", "--preset", "buggy", "--script", script.toString(),
                "--seconds", "10", "--dump-dir", work.resolve("again").toString());
        assertEquals("fault", again.path("outcome").asText(), again.toString());
        assertEquals(recorded.path("signature").asText(), again.path("signature").asText());
    }
}
