package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wedge.contract.ParentWatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep that runs as its own process while its child JVMs run: a second sweep on its result file is refused,
 * naming the first one's pid, and a SIGKILL of the first (no shutdown hook of it runs) ends its children within
 * 2 s, whether the agent watches the parent ({@code --agent noise}) or the workload's main does ({@code off}). The
 * kill comes once both children run the watch, which the test sees by its thread's name.
 */
class SweepKillTest {
    /** Far beyond the test: a child that outlived its sweep would still run when the test looks. */
    private static final String SECONDS = "60";
    /** How long a child may outlive its killed sweep: the watch's poll and the JVM's halt, with room for load. */
    private static final long ORPHAN_MILLIS = 2000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"noise", "off"})
    @Timeout(120)
    void aSecondSweepIsRefusedAndAKilledSweepTakesItsChildrenWithIt(String agent) throws Exception {
        Path out = dir.resolve("sweep.jsonl");
        List<String> args = List.of("sweep", "--workload", "xthread", "--preset", "strict", "--agent", agent,
                "--seconds", SECONDS, "--threads", "2", "--seeds", "1..4", "--parallel", "2", "--out",
                out.toString(), "--dump-dir", dir.resolve("dumps").toString());
        Process sweep = WedgeProcess.start(dir.resolve("log"), List.of(), args);
        try {
            // both children past their start, watching: a JVM that is still starting is not yet watching, and on
            // a loaded machine may take seconds to get there
            await(() -> sweep.descendants().filter(SweepKillTest::watching).count() == 2, 60_000);
            List<ProcessHandle> children = sweep.descendants().toList();

            Wedge second = new Wedge();
            assertEquals(2, second.run(args.toArray(String[]::new)), second.err.toString());
            assertTrue(second.err.toString().contains("--out " + out + " is being written by another sweep (pid "
                    + sweep.pid() + ")"), second.err.toString());

            assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(sweep.pid())).start().waitFor());
            assertTrue(sweep.waitFor(10, TimeUnit.SECONDS), "the sweep died of SIGKILL");
            await(() -> children.stream().allMatch(SweepKillTest::ended), ORPHAN_MILLIS);
        } finally {
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly();
        }
    }

    /**
     * Whether {@code child} runs the parent watch: Linux lists its threads by their names (cut to 15 bytes) in
     * {@code /proc/PID/task/TID/comm}.
     */
    private static boolean watching(ProcessHandle child) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(child.pid()), "task"))) {
            return tasks.anyMatch(t -> {
                try {
                    return ParentWatch.THREAD_NAME.startsWith(Files.readString(t.resolve("comm")).strip());
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code child} has ended: gone, or a zombie that whoever adopted it has not reaped yet (ProcessHandle
     * calls that alive; {@code /proc/PID/stat} says {@code Z}).
     */
    private static boolean ended(ProcessHandle child) {
        if (!child.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() - deadline > 0, "not within " + millis + " ms");
            Thread.sleep(20);
        }
    }
}
