package wedge.repro.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A sweep's result file: a line cut short by a kill is no result; any other bad line refuses the file as it is. */
class ResultFileTest {
    private static final String LINE = "{\"seed\":%d,\"outcome\":\"clean\",\"case\":\"--workload xthread\"}\n";

    @TempDir
    Path dir;

    @Test
    void aLastLineCutShortIsIgnoredOnReadingAndCutOffOnAppending() throws IOException {
        Path f = dir.resolve("r.jsonl");
        Files.writeString(f, String.format(LINE, 1) + String.format(LINE, 2) + "{\"seed\":3,\"outc");
        List<JsonNode> read = ResultFile.read(f);
        assertEquals(List.of(1L, 2L), read.stream().map(r -> r.path("seed").asLong()).toList());
        try (ResultFile out = ResultFile.append(f)) {
            out.write(Map.of("seed", 3, "outcome", "clean", "case", "--workload xthread"));
        }
        assertEquals(List.of(1L, 2L, 3L), ResultFile.read(f).stream().map(r -> r.path("seed").asLong()).toList());
    }

    @Test
    void aBadLineIsRefusedByNumberAndTheFileIsLeftAsItIs() throws IOException {
        Path f = dir.resolve("r.jsonl");
        Files.writeString(f, String.format(LINE, 1) + "{\"seed\":\"two\",\"outcome\":\"clean\",\"case\":\"x\"}\n"
                + String.format(LINE, 3));
        byte[] before = Files.readAllBytes(f);
        IOException e = assertThrows(IOException.class, () -> ResultFile.read(f));
        assertTrue(e.getMessage().contains("r.jsonl: line 2 is not a sweep result: no whole-number \"seed\""),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void aCompleteLastLineThatIsNotJsonIsRefusedTooNotTakenForACutOne() throws IOException {
        Path f = dir.resolve("r.jsonl");
        Files.writeString(f, String.format(LINE, 1) + "garbage\n");
        IOException e = assertThrows(IOException.class, () -> ResultFile.read(f));
        assertTrue(e.getMessage().contains("line 2 is not a sweep result: not JSON"), e.getMessage());
    }

    @Test
    void aFileOpenForAppendingIsRefusedToASecondWriterAndOneThatGotNoResultIsRemoved() throws IOException {
        Path f = dir.resolve("r.jsonl");
        try (ResultFile first = ResultFile.append(f)) {
            ResultFileBusy busy = assertThrows(ResultFileBusy.class, () -> ResultFile.append(f));
            assertTrue(busy.getMessage().startsWith("--out " + f + " is being written by another sweep (pid "
                    + ProcessHandle.current().pid() + ")"), busy.getMessage());
        }
        assertTrue(Files.notExists(f), "a sweep that wrote no result leaves no empty file");
        try (ResultFile again = ResultFile.append(f)) {
            again.write(Map.of("seed", 1, "outcome", "clean", "case", "--workload xthread"));
        }
        assertEquals(List.of(1L), ResultFile.read(f).stream().map(r -> r.path("seed").asLong()).toList());
    }

    @Test
    void aLineTheDiskCannotTakeIsAnErrorNamingTheFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        try (ResultFile out = ResultFile.append(full)) {
            IOException e = assertThrows(ResultFile.WriteFailed.class,
                    () -> out.write(Map.of("seed", 1, "outcome", "clean", "case", "--workload xthread")));
            assertTrue(e.getMessage().startsWith("cannot write a result to /dev/full: No space left on device; the "
                    + "results before it are kept"), e.getMessage());
        }
    }
}
