package wedge.repro.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A sweep's results: one JSON object per line, appended as each run ends, so an interrupted sweep keeps what it
 * finished and resumes from there. A line is written whole and flushed at once; a last line cut short by a kill is
 * ignored on reading, and its seed runs again.
 */
public final class ResultFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private ResultFile(BufferedWriter out) {
        this.out = out;
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
            byte[] bytes = Files.readAllBytes(path);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                }
            }
        }
        return new ResultFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    /** Appends one result. */
    public synchronized void write(Map<String, Object> result) throws IOException {
        out.write(JSON.writeValueAsString(result) + "\n");
        out.flush();
    }

    /**
     * The results in {@code path}; none when it does not exist.
     *
     * @throws IOException when a line other than the last is not a JSON object: the file is not a result file
     */
    public static List<JsonNode> read(Path path) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        if (!Files.exists(path)) {
            return results;
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(lines.get(i));
                if (n.isObject() && n.has("seed") && n.has("outcome")) {
                    results.add(n);
                    continue;
                }
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    continue;
                }
            }
            throw new IOException(path + ":" + (i + 1) + ": not a sweep result line; is this a sweep --out file?");
        }
        return results;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
