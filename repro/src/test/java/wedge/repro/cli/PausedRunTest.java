package wedge.repro.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program that gives up (exit 1) while the agent holds its worker in a long pause ({@code p=1,duration=30s}) ends
 * an error that says so, {@code paused:exit-1}: the pause is the agent's doing, neither a hang nor a bare exit-1.
 */
class PausedRunTest {
    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void aProgramGivingUpWhileTheAgentPausesItSaysSo() {
        Wedge w = new Wedge();
        assertEquals(0, w.run("run", "--main", GivesUpWhilePaused.class.getName(), "--classpath",
                Path.of("target", "test-classes").toAbsolutePath().toString(), "--points",
                Path.of("src", "test", "resources", "programs", "gives-up.points").toAbsolutePath().toString(),
                "--agent-option", "p=1", "--agent-option", "duration=30s", "--seconds", "5", "--seed", "1",
                "--dump-dir", work.resolve("dumps").toString(), "--json"), w.err.toString());
        String line = w.out.toString();
        assertTrue(line.contains("\"outcome\":\"error\",\"signature\":\"paused:exit-1\""), line);
        assertTrue(line.contains("exited 1 while 1 thread(s) sat in the agent's pauses"), line);
    }
}
