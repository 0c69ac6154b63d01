package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttachCommandTest {
    @TempDir
    Path dumps;

    @Test
    @Timeout(60)
    void attachesToARunningWorkload() throws Exception {
        Process target = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "wedge.repro.cli.WorkloadMain", "larson",
                "--preset", "strict", "6", "8", "128", "1024", "1", "1", "2")
                .redirectOutput(dumps.resolve("out.txt").toFile()).redirectError(dumps.resolve("err.txt").toFile())
                .start();
        try {
            // Attach once the workload runs: a JVM still starting up may drop the attach connection.
            while (!Files.readString(dumps.resolve("out.txt")).contains("progress")) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            Wedge wedge = new Wedge();
            assertEquals(0, wedge.run("attach", Long.toString(target.pid()), "strategy=noise,p=0,dump-dir=" + dumps),
                    wedge.err + "\ntarget stderr:\n" + Files.readString(dumps.resolve("err.txt")));
            assertEquals(0, target.waitFor());
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
    void aProcessThatIsNotThereIsAToolFailure() {
        long none = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        assertEquals(3, new Wedge().run("attach", Long.toString(none), "strategy=off"));
    }
}
