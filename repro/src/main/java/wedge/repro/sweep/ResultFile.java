package wedge.repro.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
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
 * and changes nothing.
 */
public final class ResultFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int TAIL_CHUNK = 8192;

    private final BufferedWriter out;
    private final Runnable closeOnStop = this::closeQuietly;
    private boolean closed;

    private ResultFile(BufferedWriter out) {
        this.out = out;
        ChildProcesses.onStop(closeOnStop);
    }

    /**
     * Opens {@code path} for appending, creating it and its directory when missing, and cutting off a last line
     * that a killed sweep left unfinished.
     */
    public static ResultFile append(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (Files.exists(path)) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long end = completeLinesEnd(ch);
                if (end < ch.size()) {
                    ch.truncate(end);
                }
            }
        }
        return new ResultFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    /** Appends one result; after a stop of this process, drops it. */
    public synchronized void write(Map<String, Object> result) throws IOException {
        if (closed) {
            return;
        }
        out.write(JSON.writeValueAsString(result) + "\n");
        out.flush();
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

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            ChildProcesses.forget(closeOnStop);
            out.close();
        }
    }
}
