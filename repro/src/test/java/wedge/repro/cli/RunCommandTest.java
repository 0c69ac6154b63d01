package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wedge run} end to end: a child JVM, the agent attached, the dump read back. */
class RunCommandTest {
    private static final Pattern LINE = Pattern.compile(
            "outcome=(\\S+) signature=(\\S+) ttr_ms=(\\d+)(?: ops=(\\d+))? dump=(\\S+)");

    @TempDir
    Path dumps;

    private Matcher run(String... args) {
        Wedge wedge = new Wedge();
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--dump-dir";
        all[2] = dumps.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        assertEquals(0, wedge.run(all), wedge.err.toString());
        Matcher m = LINE.matcher(wedge.out.toString().trim());
        assertTrue(m.matches(), wedge.out.toString());
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3"})
    @Timeout(60)
    void buggyLarsonUnderNoiseFaultsAndLeavesADump(String seed) {
        Matcher m = run("--workload", "larson", "--preset", "buggy", "--agent", "noise", "--seed", seed,
                "--seconds", "20", "--threads", "10", "--agent-option", "ring=65536");
        assertEquals("fault", m.group(1));
        assertTrue(m.group(2).matches("(segv|invalid-free):[a-z-]+"), m.group(2));
        assertTrue(Files.isRegularFile(Path.of(m.group(5))), m.group(5));
        Wedge explain = new Wedge();
        assertEquals(0, explain.run("dump", "explain", m.group(5)), explain.err.toString());
        String text = explain.out.toString();
        // The lost update behind the fault, or, when the window does not tie one to it (its cause came before the
        // window, or the fault is a free of a clobbered link), the latest on the fault's slab, on the slab its address
        // points into, or on a broken slab.
        assertTrue(Pattern.compile("RACE +lost update on ss\\d+/slab\\d+\\.freelist"
                + "|The latest lost update on ss\\d+/slab\\d+\\.freelist").matcher(text).find(), text);
        assertTrue(Pattern.compile("\\| T\\d+ .*\\| T\\d+ ").matcher(text).find(), "two threads: " + text);
        assertTrue(text.contains("LOST UPDATE"), "the overwriting write marked: " + text);
    }

    @Test
    @Timeout(60)
    void strictRunsCleanToItsEndWithoutADump() {
        Matcher m = run("--workload", "xthread", "--preset", "strict", "--agent", "noise", "--seconds", "3",
                "--threads", "2");
        assertEquals("clean", m.group(1));
        assertEquals("-", m.group(5));
        assertTrue(Long.parseLong(m.group(4)) > 0);
    }

    @Test
    @Timeout(60)
    void weaveCacheNamesWhereTheWovenClassesAreKept() throws Exception {
        Path cache = dumps.resolve("woven");
        Matcher m = run("--workload", "xthread", "--preset", "strict", "--agent", "idle", "--seconds", "1",
                "--threads", "2", "--weave-cache", cache.toString());
        assertEquals("clean", m.group(1), m.group());
        try (var entries = Files.list(cache)) {
            assertTrue(entries.anyMatch(p -> p.getFileName().toString().endsWith(".woven")),
                    "the allocator's woven classes are kept in " + cache);
        }
    }

    @Test
    @Timeout(60)
    void aBadAgentOptionExitsTwoWithTheAgentsOwnLine() {
        Wedge wedge = new Wedge();
        assertEquals(2, wedge.run("run", "--dump-dir", dumps.toString(), "--agent-option", "bogus=1", "--seconds",
                "2"));
        assertEquals("", wedge.out.toString());
        String err = wedge.err.toString();
        assertTrue(err.startsWith("wedge-agent: unknown option 'bogus'; valid options: "), err);
        assertEquals(1, err.lines().count(), err);
    }

    /**
     * Pids come round again, so a directory may hold a dump named for the pid a run gets; with one named for every
     * pid the system can give, a run that took its outcome from a file it did not write could not stay clean.
     */
    @Test
    @Timeout(120)
    void aDumpDirectoryHoldingADumpForEveryPidLeavesACleanRunClean() throws Exception {
        Path real = Path.of("src/test/resources/dumps/ab-over-null.json").toAbsolutePath();
        int pidMax = Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/pid_max")).trim());
        Path stale = Files.copy(real, dumps.resolve("wedge-fault-20260101-000000-0.json"));
        for (int pid = 1; pid <= pidMax; pid++) {
            Files.createLink(dumps.resolve("wedge-fault-20260101-000000-" + pid + ".json"), stale);
        }
        Matcher m = run("--workload", "xthread", "--preset", "strict", "--agent", "idle", "--seconds", "2",
                "--threads", "2");
        assertEquals("clean", m.group(1), m.group());
        assertEquals("-", m.group(5));
    }
}
