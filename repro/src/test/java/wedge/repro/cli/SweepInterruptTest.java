package wedge.repro.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.repro.sweep.ResultFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C on {@code wedge sweep}: the sweep runs as its own process and gets SIGINT while child JVMs run; it ends
 * them, leaves a valid result file, and a second sweep with the same {@code --out} finishes the seeds, each once.
 */
class SweepInterruptTest {
    private static final int SEEDS = 8;
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void aSweepStoppedBySigintResumesWithNoSeedLostOrCountedTwice() throws Exception {
        Path out = dir.resolve("sweep.jsonl");
        List<String> args = List.of("sweep", "--workload", "xthread", "--preset", "strict", "--agent", "off",
                "--seconds", "2", "--threads", "2", "--seeds", "1.." + SEEDS, "--parallel", "2", "--out",
                out.toString(), "--dump-dir", dir.resolve("dumps").toString());
        Process sweep = WedgeProcess.start(dir.resolve("log"), List.of(), args);
        try {
            await(() -> lines(out) >= 1 && sweep.descendants().anyMatch(ProcessHandle::isAlive));
            List<ProcessHandle> children = sweep.descendants().toList();
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(sweep.pid())).start().waitFor());
            assertTrue(sweep.waitFor(30, TimeUnit.SECONDS), "the sweep ended on SIGINT");
            assertEquals(130, sweep.exitValue(), Files.readString(dir.resolve("log")));
            assertTrue(Files.readString(dir.resolve("log")).contains("sweep: stopped; the results so far are in "
                    + out + ": run the same command again to resume"), Files.readString(dir.resolve("log")));
            await(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            sweep.destroyForcibly();
        }
        List<Long> before = seeds(ResultFile.read(out));
        assertTrue(before.size() < SEEDS, "stopped mid-run: " + before);
        assertEquals(before.stream().distinct().count(), before.size(), "no seed twice: " + before);

        Wedge resumed = new Wedge();
        assertEquals(0, resumed.run(args.toArray(String[]::new)), resumed.err.toString());
        List<JsonNode> all = ResultFile.read(out);
        assertEquals(LongStream.rangeClosed(1, SEEDS).boxed().toList(), seeds(all).stream().sorted().toList());
        assertTrue(all.stream().noneMatch(r -> r.path("outcome").asText().equals("error")), all.toString());
        assertTrue(resumed.err.toString().contains(before.size() + " already in " + out), resumed.err.toString());
    }

    private static List<Long> seeds(List<JsonNode> results) {
        return results.stream().map(r -> r.path("seed").asLong()).toList();
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            assertFalse(System.currentTimeMillis() > deadline, "timed out waiting");
            Thread.sleep(50);
        }
    }
}
