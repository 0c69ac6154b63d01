package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dump directory that cannot take a dump stops a run or a sweep before any work, naming it. */
class OutputDirectoryCheckTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run   | file     | is a file, not a directory",
        "run   | file/sub | cannot be made: Not a directory",
        "sweep | file     | is a file, not a directory",
        "sweep | file/sub | cannot be made: Not a directory",
    })
    void aDumpDirectoryThatCannotBeUsedExitsTwoBeforeAnyWork(String command, String dumpDir, String why)
            throws IOException {
        Files.writeString(dir.resolve("file"), "not a directory");
        Path bad = dir.resolve(dumpDir);
        Path out = dir.resolve("sweep.jsonl");
        Wedge wedge = new Wedge();
        int status = command.equals("run") ? wedge.run("run", "--dump-dir", bad.toString())
                : wedge.run("sweep", "--seeds", "1..1000", "--out", out.toString(), "--dump-dir", bad.toString());
        assertEquals(2, status, wedge.err.toString());
        assertTrue(wedge.err.toString().startsWith("wedge: --dump-dir " + bad + " " + why), wedge.err.toString());
        assertEquals("", wedge.out.toString());
        assertTrue(Files.notExists(out), "the sweep wrote nothing");
    }
}
