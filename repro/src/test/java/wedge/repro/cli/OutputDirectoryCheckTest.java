package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dump directory or a result file that cannot be written stops a run or a sweep before any work, naming it. */
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sweep      | .        | is a directory; give a file name, such as",
        "sweep      | file/out | : its directory is a file, not a directory",
        "verify-fix | .        | is a directory; give a file name, such as",
    })
    void aResultFileThatCannotBeWrittenExitsTwoBeforeAnySeed(String command, String out, String why)
            throws IOException {
        Files.writeString(dir.resolve("file"), "not a directory");
        Path bad = dir.resolve(out).normalize();
        Wedge wedge = new Wedge();
        assertEquals(2, wedge.run(command, "--seeds", "1..1000", "--out", bad.toString(), "--dump-dir",
                dir.resolve("dumps").toString()), wedge.err.toString());
        assertTrue(wedge.err.toString().startsWith("wedge: --out " + bad.toAbsolutePath() + (why.startsWith(":")
                ? "" : " ") + why), wedge.err.toString());
        assertEquals("", wedge.out.toString());
    }
}
