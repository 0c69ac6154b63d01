package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A corrupted result file given to resume ({@code sweep --out}) or to {@code merge}: exit 2 naming the line. */
class ResultFileInputTest {
    @TempDir
    Path dir;

    private Path corrupted() throws IOException {
        Path f = dir.resolve("sweep.jsonl");
        Files.writeString(f, "{\"seed\":1,\"outcome\":\"clean\",\"case\":\"c\"}\n{\"seed\":2,\"outcome\":\"clean\""
                + ",\"case\":\"c\"}}\n{\"seed\":3,\"outcome\":\"clean\",\"case\":\"c\"}\n");
        return f;
    }

    @Test
    void resumingFromACorruptedFileExitsTwoNamingTheLineAndLeavesItAlone() throws IOException {
        Path f = corrupted();
        byte[] before = Files.readAllBytes(f);
        Wedge wedge = new Wedge();
        assertEquals(2, wedge.run("sweep", "--seeds", "1..3", "--out", f.toString(), "--dump-dir",
                dir.resolve("dumps").toString()));
        assertTrue(wedge.err.toString().startsWith("wedge: " + f + ": line 2 is not a sweep result"),
                wedge.err.toString());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void mergingACorruptedFileExitsTwoNamingTheLineAndWritesNothing() throws IOException {
        Path f = corrupted();
        Path out = dir.resolve("merged.jsonl");
        Wedge wedge = new Wedge();
        assertEquals(2, wedge.run("merge", f.toString(), "--out", out.toString()));
        assertTrue(wedge.err.toString().contains(f + ": line 2 is not a sweep result"), wedge.err.toString());
        assertTrue(Files.notExists(out));
    }
}
