package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With {@code strategy=off} the agent is attached but does nothing to timing: the workload finishes, no dump.
 *
 * <p>Runs on the {@code strict} preset: the seed's {@code buggy} preset corrupts its heap under this workload even
 * without any agent (measured: every 4-thread run threw), so a clean end is only meaningful on a correct allocator.
 */
class StrategyOffIT {
    @Test
    void workloadRunsToItsEndAndNoDumpIsWritten() throws Exception {
        Path dir = ChildJvm.freshDir("off");
        Path dumps = dir.resolve("dumps");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.workload("strategy=off,seed=1,dump-dir=" + dumps,
                "strict", "4", "20", "20000", "1"), dir, 60);
        assertEquals(0, r.status(), "stderr:\n" + r.stderr());
        assertTrue(r.stdout().startsWith("done"), r.stdout());
        assertFalse(r.stderr().contains("sun.misc.Unsafe"), "no Unsafe deprecation warning (JDK 24+): " + r.stderr());
        try (Stream<Path> files = Files.list(dumps)) {
            assertEquals(List.of(), files.toList(), "no dump (the directory itself is made and checked at start-up)");
        }
    }
}
