package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Dynamic attach rewrites allocator classes that are already loaded and running: the child's status line (the
 * agent's event count, -1 before attach) starts rising only after {@code Attach} loaded the agent.
 */
class AttachIT {
    @Test
    @Timeout(60)
    void attachToARunningJvmRewritesLoadedAllocatorClasses() throws Exception {
        Path dir = ChildJvm.freshDir("attach");
        List<String> cmd = ChildJvm.workload(null, "strict", "2", "1000000", "20000", "1", "100");
        Process child = new ProcessBuilder(cmd).redirectError(dir.resolve("child-stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals(-1, nextStatus(out), "no agent before attach");
            ChildJvm.Result attach = ChildJvm.run(List.of(ChildJvm.java(), "-jar",
                    ChildJvm.AGENT_JAR.toAbsolutePath().toString(), Long.toString(child.pid()),
                    "strategy=noise,p=0,dump-dir=" + dir.resolve("dumps")), dir, 30);
            assertEquals(0, attach.status(), "attach stderr:\n" + attach.stderr());
            long first = -1;
            for (int i = 0; i < 100 && first <= 0; i++) {
                first = nextStatus(out);
            }
            assertTrue(first > 0, "events after attach: " + first);
            long later = nextStatus(out);
            assertTrue(later > first, "events keep rising: " + first + " then " + later);
            // A second agent, whose fault type is what a failing agent would throw: refused, nothing captured.
            ChildJvm.Result again = attach(child, "strategy=noise,p=0,fault-type=java.lang.IllegalStateException,"
                    + "dump-dir=" + dir.resolve("dumps"), dir);
            assertEquals(3, again.status(), "second attach stderr:\n" + again.stderr());
            assertTrue(again.stderr().contains("already loaded in this JVM"), again.stderr());
            long after = nextStatus(out);
            assertTrue(after > later && child.isAlive(), "the target runs on, its events rising: " + after);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(90)
    void aTargetThatExitsDuringTheAttachIsReportedAsExited() throws Exception {
        Path dir = ChildJvm.freshDir("attach-exits");
        List<String> cmd = ChildJvm.command(null, ExitOnAttach.class);
        Process child = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("child-stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            ChildJvm.Result attach = ChildJvm.run(List.of(ChildJvm.java(), "-jar",
                    ChildJvm.AGENT_JAR.toAbsolutePath().toString(), Long.toString(child.pid()),
                    "strategy=noise,dump-dir=" + dir.resolve("dumps").toAbsolutePath()), dir, 60);
            assertEquals(3, attach.status(), "attach stderr:\n" + attach.stderr());
            List<String> lines = attach.agentErrorLines();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("wedge-agent: cannot attach to " + child.pid()
                    + ": the process exited ("), lines.get(0));
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void attachingToAProcessThatIsNoJvmSendsItNothing() throws Exception {
        Path dir = ChildJvm.freshDir("attach-not-a-jvm");
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            ChildJvm.Result attach = attach(sleep, "strategy=noise", dir);
            assertEquals(2, attach.status(), "attach stderr:\n" + attach.stderr());
            assertTrue(attach.stderr().contains("is not a JVM this user can attach to"), attach.stderr());
            assertTrue(sleep.isAlive(), "sleep survives the attempt (SIGQUIT would have ended it)");
        } finally {
            sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(90)
    void anUnweavablePointLeavesTheTargetRunningAndUnchanged() throws Exception {
        Path dir = ChildJvm.freshDir("attach-unweavable");
        Path points = Files.writeString(dir.resolve("static.points"), "fault-type wedge.allocator.SegmentationFault\n"
                + "method-enter wedge.allocator.SizeClass#of size.of\n");
        List<String> cmd = ChildJvm.workload(null, "strict", "2", "1000000", "20000", "1", "100");
        Process child = new ProcessBuilder(cmd).redirectError(dir.resolve("child-stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals(-1, nextStatus(out), "no agent before attach");
            ChildJvm.Result attach = attach(child, "points=" + points.toAbsolutePath() + ",dump-dir="
                    + dir.resolve("dumps").toAbsolutePath(), dir);
            assertEquals(3, attach.status(), "attach stderr:\n" + attach.stderr());
            assertTrue(attach.stderr().contains("cannot weave wedge.allocator.SizeClass")
                    && attach.stderr().contains("the method is static and has no 'this'"), attach.stderr());
            for (int i = 0; i < 3; i++) {
                assertEquals(-1, nextStatus(out), "no agent after the failed attach");
            }
            ChildJvm.Result again = attach(child, "strategy=noise,dump-dir=" + dir.resolve("dumps").toAbsolutePath(),
                    dir);
            assertEquals(3, again.status(), "second attach stderr:\n" + again.stderr());
            assertEquals(-1, nextStatus(out), "still no agent");
            assertTrue(child.isAlive());
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Attaches to {@code target}; checks that the attach left nothing in its temporary directory. */
    private static ChildJvm.Result attach(Process target, String options, Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("attach-tmp-" + System.nanoTime()));
        ChildJvm.Result r = ChildJvm.run(List.of(ChildJvm.java(), "-Djava.io.tmpdir=" + tmp.toAbsolutePath(), "-jar",
                ChildJvm.AGENT_JAR.toAbsolutePath().toString(), Long.toString(target.pid()), options),
                dir.resolve("attach-" + System.nanoTime()), 30);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the attach's report file is gone");
        }
        return r;
    }

    private static long nextStatus(BufferedReader out) throws java.io.IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("status ")) {
                return Long.parseLong(line.substring(7).trim());
            }
        }
        throw new AssertionError("the child ended");
    }
}
