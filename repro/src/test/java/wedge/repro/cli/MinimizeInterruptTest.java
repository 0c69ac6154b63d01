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
 * SIGINT while a candidate's child JVM runs; it ends the child and leaves no scratch directory or candidate script.
 */
class MinimizeInterruptTest {
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aMinimizeStoppedBySigintLeavesNoScratchDirectoryAndNoChild() throws Exception {
        JsonNode recorded = SeedScenarioTest.run("buggy", dir.resolve("recorded").toString());
        assertEquals("fault", recorded.path("outcome").asText(), recorded.toString());
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process minimize = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "wedge.repro.cli.Main",
                "minimize", recorded.path("dump").asText(), "--out", dir.resolve("min.wedge").toString(),
                "--dump-dir", dir.resolve("candidates").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (!(list(tmp).stream().anyMatch(p -> p.getFileName().toString().startsWith("wedge-minimize-"))
                    && minimize.descendants().anyMatch(ProcessHandle::isAlive))) {
                assertTrue(minimize.isAlive() && System.nanoTime() < deadline,
                        "a candidate runs: " + Files.readString(dir.resolve("log")));
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
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
