package wedge.repro.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import wedge.repro.run.ChildProcesses;

/**
 * A sweep's results: one JSON object per line, appended as each run ends, so an interrupted sweep keeps what it
 * finished and resumes from there.
 *
 * <p>Invariants: a line is written whole and flushed at once; when this process is told to stop, the file is
 * closed between two lines, and a result that ends after that is dropped (its seed runs again on resume). Only a
 * last line without its newline (cut short by a kill) is not a result: reading ignores it and appending cuts it
 * off. Any other line that is not a result makes the file unusable as it is: reading refuses it, naming the line,
 * and changes nothing. While a sweep has the file open for appending it holds a lock on it ({@link ResultFileLock}):
 * a second sweep on the same file is refused instead of running every seed into it again.
 */
public final class ResultFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int TAIL_CHUNK = 8192;

    private final Path path;
    private final FileChannel out;
    private final boolean created;
    private final String unlocked;
    private final Runnable closeOnStop = this::closeQuietly;
    private boolean closed;

    private ResultFile(Path path, FileChannel out, boolean created, String unlocked) {
        this.path = path;
        this.out = out;
        this.created = created;
        this.unlocked = unlocked;
        ChildProcesses.onStop(closeOnStop);
    }

    /**
     * Opens {@code path} for appending, creating it and its directory when missing, locks it for this process, and
     * cuts off a last line that a killed sweep left unfinished.
     *
     * @throws ResultFileBusy when another sweep holds the file: it is left as it is
     */
    public static ResultFile append(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        boolean created = !Files.exists(path);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE);
        try {
            String unlocked = ResultFileLock.acquire(ch, path);
            cutUnfinishedLine(ch);
            ch.position(ch.size());
            return new ResultFile(path, ch, created, unlocked);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Why the file system would not lock the file, or null when this sweep holds its lock. */
    public String unlocked() {
        return unlocked;
    }

    /**
     * Appends one result; after a stop of this process, drops it.
     *
     * @throws WriteFailed naming the file, when it cannot take the line (a full disk): the line is not in it
     */
    public synchronized void write(Map<String, Object> result) throws IOException {
        if (closed) {
            return;
        }
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                out.write(line);
            }
        } catch (IOException e) {
            throw new WriteFailed(path, e);
        }
    }

    /** A result line that the file could not take: the message names the file and what to do. */
    public static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailed(Path path, IOException cause) {
            super("cannot write a result to " + path.toAbsolutePath() + ": " + cause.getMessage()
                    + "; the results before it are kept: free some space (or give another --out) and run the same "
                    + "command again to resume", cause);
        }
    }

    /**
     * The results in {@code path}; none when it does not exist.
     *
     * @throws IOException naming the file and line when a line other than an unfinished last one is not a result
     */
    public static List<JsonNode> read(Path path) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        if (!Files.exists(path)) {
            return results;
        }
        long complete;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            complete = ch.size() - completeLinesEnd(ch) == 0 ? Long.MAX_VALUE : countLines(path);
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number >= complete) {
                    break;
                }
                if (!line.isBlank()) {
                    results.add(result(path, number, line));
                }
            }
        }
        return results;
    }

    private static JsonNode result(Path path, long number, String line) throws IOException {
        String problem;
        try {
            JsonNode n = JSON.readTree(line);
            problem = n == null || !n.isObject() ? "not a JSON object"
                    : !n.path("seed").isIntegralNumber() ? "no whole-number \"seed\""
                    : !n.path("outcome").isTextual() ? "no \"outcome\" text"
                    : !n.path("case").isTextual() ? "no \"case\" text" : null;
            if (problem == null) {
                return n;
            }
        } catch (JsonProcessingException e) {
            problem = "not JSON (" + e.getOriginalMessage() + ")";
        }
        throw new IOException(path + ": line " + number + " is not a sweep result: " + problem
                + "; is this a sweep --out file? Fix or delete that line, the file was left as it is");
    }

    /** Lines in {@code path}, counting an unfinished last one. */
    private static long countLines(Path path) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            long n = 0;
            while (in.readLine() != null) {
                n++;
            }
            return n;
        }
    }

    /** Where the last complete line of {@code ch} ends: its size when the file ends with a newline. */
    private static long completeLinesEnd(FileChannel ch) throws IOException {
        long end = ch.size();
        ByteBuffer buf = ByteBuffer.allocate(TAIL_CHUNK);
        while (end > 0) {
            long from = Math.max(0, end - TAIL_CHUNK);
            buf.clear().limit((int) (end - from));
            ch.read(buf, from);
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    private synchronized void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // the process is stopping; every line written so far is whole and flushed
        }
    }

    /**
     * Closes the file, first cutting off a line a failed write left unfinished; a file this sweep made and wrote no
     * result to is removed, so a sweep that ran nothing leaves no empty file behind.
     */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            ChildProcesses.forget(closeOnStop);
            // closing the channel releases the lock
            try (out) {
                cutUnfinishedLine(out);
                if (created && out.size() == 0) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void cutUnfinishedLine(FileChannel ch) throws IOException {
        long end = completeLinesEnd(ch);
        if (end < ch.size()) {
            ch.truncate(end);
        }
    }
}
