package wedge.repro.dump;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wedge.contract.DumpFormat;

/**
 * Reads a dump written by the agent (docs/DUMP-FORMAT.md) and refuses anything else with a clear reason.
 *
 * <p>The file is streamed, never read whole: of the {@code events} array only the last {@code ring} events are
 * kept (the dump's own {@code options.ring}, else the agent's default), which is all an intact dump holds, so a
 * damaged or padded file costs no more memory than the dump it claims to be. The values' types are checked
 * ({@link DumpSchema}) before any report sees them.
 */
public final class DumpFile {
    /** Events kept when the dump does not state its ring: the agent's default. */
    static final int DEFAULT_RING = 4096;
    /** The agent's largest ring. */
    static final int MAX_RING = 1 << 20;
    /** Deeper than any dump the agent writes, shallow enough for the reports' recursion. */
    static final int MAX_DEPTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private DumpFile() {
    }

    /**
     * The dump at {@code path}, as a JSON tree.
     *
     * @throws BadDump when the file is missing, empty, not JSON, cut short, of another format, or holds a value of
     *                 the wrong type
     */
    public static JsonNode load(Path path) throws BadDump {
        return load(path, null);
    }

    /**
     * Only the top-level fields {@code names} (and {@code format}) of the dump at {@code path}: reading stops as
     * soon as it has them all, and the fields before them are skipped without building their trees. The agent writes
     * what a result line needs before the events (docs/DUMP-FORMAT.md, "Field order"), so for that this reads some
     * tens of kilobytes of a dump of megabytes; a dump in the older order is read to the end, but still builds no
     * tree of its events. What comes after the last field named is not read, so damage there is not noticed.
     *
     * @throws BadDump as {@link #load(Path)}, for the part read
     */
    public static JsonNode loadFields(Path path, Set<String> names) throws BadDump {
        Set<String> wanted = new HashSet<>(names);
        wanted.add("format");
        return load(path, wanted);
    }

    /** @param wanted the top-level fields to read, or null for all */
    private static JsonNode load(Path path, Set<String> wanted) throws BadDump {
        ObjectNode root;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path));
             JsonParser parser = JSON.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new BadDump(path + ": empty file; a dump is a " + DumpFormat.CURRENT + " JSON document");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadDump(path + ": not a dump: expected a JSON object with \"format\": \""
                        + DumpFormat.CURRENT + "\"");
            }
            root = readRoot(parser, wanted);
        } catch (NoSuchFileException e) {
            throw new BadDump(path + ": no such file; give the .json a crash wrote (see the dump-dir of the run)");
        } catch (StreamConstraintsException e) {
            throw new BadDump(path + ": not a dump: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "; a dump is a " + DumpFormat.CURRENT + " JSON document");
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().contains("end-of-input") ? "truncated JSON" : "not JSON";
            throw new BadDump(path + ": " + why + " (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); a dump is a " + DumpFormat.CURRENT + " JSON document");
        } catch (IOException e) {
            throw new BadDump(path + ": cannot read: " + e.getMessage());
        }
        String format = root.path("format").asText("");
        if (DumpFormat.PREVIOUS.equals(format)) {
            root = FormatUpgrade.toCurrent(root);
        } else if (!DumpFormat.CURRENT.equals(format)) {
            throw new BadDump(path + ": format '" + (format.isEmpty() ? "(none)" : format) + "' is not one this "
                    + "wedge reads: " + DumpFormat.CURRENT + " or " + DumpFormat.PREVIOUS);
        }
        String wrong = DumpSchema.violation(root);
        if (wrong != null) {
            throw new BadDump(path + ": " + wrong);
        }
        return root;
    }

    /**
     * The top-level object, its opening brace already read; {@code events} bounded by the ring; only the fields
     * {@code wanted} when not null, and no further than the last of them.
     */
    private static ObjectNode readRoot(JsonParser parser, Set<String> wanted) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        int ring = DEFAULT_RING;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (wanted != null && !wanted.contains(name)) {
                parser.skipChildren();
            } else if (name.equals("events") && value == JsonToken.START_ARRAY) {
                root.set(name, lastEvents(parser, ring));
            } else {
                JsonNode node = JSON.readTree(parser);
                root.set(name, node);
                if (name.equals("options")) {
                    ring = ringOf(node);
                }
            }
            if (wanted != null && root.size() == wanted.size()) {
                return root;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonEOFException(parser, null, "Unexpected end-of-input in the dump's top-level object");
        }
        return root;
    }

    private static ArrayNode lastEvents(JsonParser parser, int ring) throws IOException {
        Deque<JsonNode> kept = new ArrayDeque<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new JsonEOFException(parser, null, "Unexpected end-of-input in the events");
            }
            kept.addLast(JSON.readTree(parser));
            if (kept.size() > ring) {
                kept.removeFirst();
            }
        }
        ArrayNode events = JSON.createArrayNode();
        kept.forEach(events::add);
        return events;
    }

    /** The dump's {@code options.ring} when it is a valid ring size, else the default. */
    private static int ringOf(JsonNode options) {
        JsonNode ring = options.path("ring");
        try {
            int n = Integer.parseInt(ring.asText(""));
            return n >= 1 && n <= MAX_RING ? n : DEFAULT_RING;
        } catch (NumberFormatException e) {
            return DEFAULT_RING;
        }
    }
}
