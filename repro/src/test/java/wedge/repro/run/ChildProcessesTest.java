package wedge.repro.run;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child ended at its time cap still has its say: what it prints on SIGTERM (the agent's {@code paused-at-exit}
 * line comes from a shutdown hook) reaches the parent, whose ends of the pipes stay open until the child is gone.
 */
class ChildProcessesTest {
    @Test
    @Timeout(30)
    void whatAChildPrintsOnSigtermIsRead() throws Exception {
        Process child = ChildProcesses.start(new ProcessBuilder("sh", "-c",
                "trap 'echo ended on SIGTERM >&2; exit 7' TERM; echo ready >&2; while :; do sleep 0.05; done"));
        try {
            ChildOutput out = new ChildOutput();
            ChildPipes pipes = ChildPipes.read(child, out);
            // the shell's trap is set once it says ready
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!out.tail().contains("ready")) {
                assertTrue(System.nanoTime() < deadline, "the child said nothing");
                TimeUnit.MILLISECONDS.sleep(20);
            }
            ChildProcesses.terminate(child);
            assertFalse(child.isAlive());
            pipes.awaitEnd(5000);
            assertEquals(7, child.exitValue());
            assertTrue(out.tail().contains("ended on SIGTERM"), out.tail());
        } finally {
            ChildProcesses.ended(child);
            child.destroyForcibly();
        }
    }
}
