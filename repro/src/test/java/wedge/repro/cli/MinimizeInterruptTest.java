package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C on {@code wedge minimize}: it runs as its own process, with a temporary directory of its own, and gets
 * SIGINT after its first smaller script, while a candidate's child JVM runs; it ends the child, leaves no scratch
 * directory, candidate script or candidate dump, and the script it wrote replays to the recorded fault.
 */
class MinimizeInterruptTest {
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aMinimizeStoppedBySigintKeepsItsSmallestScriptAndLeavesNoScratchDirectoryNorChild() throws Exception {
        JsonNode recorded = SeedScenarioTest.run("buggy", dir.resolve("recorded").toString());
        assertEquals("fault", recorded.path("outcome").asText(), recorded.toString());
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path script = dir.resolve("min.wedge");
        Process minimize = WedgeProcess.start(dir.resolve("log"), List.of("-Djava.io.tmpdir=" + tmp),
                List.of("minimize", recorded.path("dump").asText(), "--out", script.toString()));
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (!(Files.readString(dir.resolve("log")).contains("steps still fault")
                    && minimize.descendants().anyMatch(ProcessHandle::isAlive))) {
                assertTrue(minimize.isAlive() && System.nanoTime() < deadline,
                        "a smaller script found, and a candidate runs: " + Files.readString(dir.resolve("log")));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            List<ProcessHandle> children = minimize.descendants().toList();
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(minimize.pid())).start().waitFor());
            assertTrue(minimize.waitFor(30, TimeUnit.SECONDS), "minimize ended on SIGINT");
            assertEquals(130, minimize.exitValue(), Files.readString(dir.resolve("log")));
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (children.stream().anyMatch(ProcessHandle::isAlive)) {
                assertTrue(System.nanoTime() < gone, "no candidate runs on");
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } finally {
            minimize.destroyForcibly();
        }
        assertEquals(List.of(), list(tmp), "nothing left in the temporary directory");
        String log = Files.readString(dir.resolve("log"));
        assertTrue(log.contains("minimize: stopped; the smallest script so far, "), log);
        assertEquals(List.of("min.wedge"), list(dir).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.contains("min.wedge")).toList(), "the script, and no temporary file beside it");

        JsonNode again = WedgeRuns.run("--workload", "scenario", "--preset", "buggy", "--script", script.toString(),
                "--seconds", "10", "--dump-dir", dir.resolve("again").toString());
        assertEquals("fault", again.path("outcome").asText(), again.toString());
        assertEquals(recorded.path("signature").asText(), again.path("signature").asText(), log);
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
