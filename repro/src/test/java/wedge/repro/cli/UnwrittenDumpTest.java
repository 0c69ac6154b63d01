package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault whose dump cannot be written is still a fault, and the result line says why the dump is missing. The
 * write fails for real: {@code wedge run} runs under a file-size limit ({@code ulimit -f}) that its child inherits,
 * so the agent's dump, larger than the limit, fails with the system's "File too large" while the probe file of the
 * start-up check, empty, passes.
 */
class UnwrittenDumpTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void aFaultWhoseDumpCannotBeWrittenIsAFaultThatSaysWhy() throws Exception {
        Path dumps = dir.resolve("dumps");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process wedge = new ProcessBuilder("bash", "-c", "ulimit -f 100 && exec \"$0\" -cp \"$1\" wedge.repro.cli.Main "
                + "run --workload larson --preset buggy --agent noise --seed 1 --seconds 20 --threads 10 --dump-dir "
                + "\"$2\"", java, System.getProperty("java.class.path"), dumps.toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertTrue(wedge.waitFor(80, TimeUnit.SECONDS));
        assertEquals(0, wedge.exitValue(), Files.readString(dir.resolve("err")));
        String line = Files.readString(dir.resolve("out")).trim();
        assertTrue(line.matches("outcome=fault signature=(segv|invalid-free):[a-z-]+ ttr_ms=\\d+( ops=[1-9]\\d*)? "
                + "dump=unwritten:\"File too large\""), line);
        try (var left = Files.list(dumps)) {
            assertEquals(List.of(), left.toList(), "no half-written dump is left behind");
        }
    }
}
