package wedge.repro.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import wedge.contract.ExitStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachCommandTest {
    @TempDir
    Path dumps;

    /**
     * The agent attached to a JVM that has worked the allocator: strict Larson then runs clean under it. The target
     * waits for the attach to return before its run (a run of a fixed length could end while a loaded machine is
     * still attaching); {@code AttachIT} attaches in the middle of a running workload.
     */
    @Test
    @Timeout(60)
    void attachesToARunningJvmWhoseStrictLarsonThenRunsClean() throws Exception {
        Process target = attachTarget("strict", "2");
        try {
            attach(target, "strategy=noise,p=0,dump-dir=" + dumps);
            assertTrue(target.waitFor(50, TimeUnit.SECONDS));
            assertEquals(0, target.exitValue(), Files.readString(dumps.resolve("err.txt")));
        } finally {
            target.destroyForcibly();
        }
    }

    /**
     * The agent attached to a buggy Larson whose allocator classes are already loaded and hot: the race the
     * rewritten classes run into is captured, its dump written, named on the target's stderr, and readable.
     */
    @Test
    @Timeout(120)
    void anAttachedAgentDumpsTheFaultOfABuggyLarson() throws Exception {
        Process target = attachTarget("buggy", "30");
        try {
            attach(target, "seed=3,dump-dir=" + dumps);
            assertTrue(target.waitFor(90, TimeUnit.SECONDS), "buggy Larson ends within its 30 s");
            String err = Files.readString(dumps.resolve("err.txt"));
            assertTrue(ExitStatus.died(target.exitValue()), "status " + target.exitValue() + ":\n" + err);
            Matcher written = Pattern.compile("wedge-agent: dump-written kind=fault path=\"([^\"]+)\"").matcher(err);
            assertTrue(written.find(), err);
            Path dump = Path.of(written.group(1));
            assertEquals(dumps.toRealPath(), dump.getParent().toRealPath());
            Wedge reader = new Wedge();
            assertEquals(0, reader.run("dump", "show", dump.toString()), reader.err.toString());
            assertTrue(reader.out.toString().contains("wedge.allocator."), reader.out.toString());
        } finally {
            target.destroyForcibly();
        }
    }

    @Test
    @Timeout(30)
    void badOptionsAreUsageErrors() {
        assertEquals(2, new Wedge().run("attach", Long.toString(ProcessHandle.current().pid()), "bogus=1"));
    }

    @Test
    @Timeout(30)
    void aProcessThatIsNotThereIsRefusedBeforeAnyAttach() {
        long none = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        Wedge w = new Wedge();
        assertEquals(2, w.run("attach", Long.toString(none), "strategy=off"));
        assertTrue(w.err.toString().contains("no process " + none + " is running; nothing was sent to it"),
                w.err.toString());
    }

    /** Starts {@link AttachTarget} with Larson on {@code preset} for {@code seconds}, 4 threads, once attached. */
    private Process attachTarget(String preset, String seconds) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading", "-cp",
                System.getProperty("java.class.path"), AttachTarget.class.getName(), "larson", "--preset", preset,
                seconds, "8", "128", "1024", "1", "3", "4")
                .redirectOutput(dumps.resolve("out.txt").toFile()).redirectError(dumps.resolve("err.txt").toFile())
                .start();
    }

    /** Attaches with {@code options} once {@code target} is ready, then lets its workload start. */
    private void attach(Process target, String options) throws Exception {
        while (!Files.readString(dumps.resolve("out.txt")).contains("ready")) {
            assertTrue(target.isAlive(), "target ended early: " + Files.readString(dumps.resolve("err.txt")));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("attach", Long.toString(target.pid()), options), wedge.err
                + "\ntarget stderr:\n" + Files.readString(dumps.resolve("err.txt")));
        target.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        target.getOutputStream().flush();
    }
}
