package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            assertEquals(1, attach.status(), "attach stderr:\n" + attach.stderr());
            List<String> lines = attach.agentErrorLines();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("wedge-agent: cannot attach to " + child.pid()
                    + ": the process exited ("), lines.get(0));
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
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
