package wedge.repro.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import wedge.repro.dump.HeapMap;

/**
 * What the agent in a child said of its dump, in the one stderr line it prints for that whatever its log settings
 * (docs/AGENT.md, "What the agent tells its launcher"):
 * <pre>
 * wedge-agent: dump-written kind=fault path="/abs/dumps/wedge-fault-20261125-194500-4242.json"
 * wedge-agent: dump-unwritten kind=fault dir="/abs/dumps" reason="No space left on device"
 *     type=wedge.allocator.SegmentationFault address=0x7a1ad5a06261
 * </pre>
 * (one line; {@code type} and {@code address}, the fault's, when it has them).
 * A run takes its dump from this line only, never from a file it finds in the directory: a file there may be
 * another run's, and pids come round again.
 *
 * @param kind    {@code fault}, {@code hang} or {@code race}
 * @param path    the dump written, or null when it could not be
 * @param reason  why the dump could not be written, or null when it was
 * @param type    the fault's exception type, when the dump could not be written and the line names it, else null
 * @param address the fault's address, when the dump could not be written and the line names it, else null
 */
public record DumpReport(String kind, Path path, String reason, String type, Long address) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("^wedge-agent: dump-(written|unwritten)((?: [a-z]+=(?:\"(?:"
            + "[^\"\\\\]|\\\\.)*\"|\\S*))*)$");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{1,16}");
    private static final Pattern FIELD = Pattern.compile(" ([a-z]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    /** The report in {@code line}, or null when the line is not one. */
    static DumpReport parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(m.group(2));
        while (f.find()) {
            fields.put(f.group(1), unquote(f.group(2)));
        }
        String kind = fields.getOrDefault("kind", "fault");
        if (m.group(1).equals("written")) {
            String path = fields.get("path");
            return path == null ? null : new DumpReport(kind, Path.of(path), null, null, null);
        }
        String address = fields.get("address");
        return new DumpReport(kind, null, fields.getOrDefault("reason", "unknown"), fields.get("type"),
                address != null && ADDRESS.matcher(address).matches() ? Long.parseUnsignedLong(address.substring(2),
                        16) : null);
    }

    /** The signature of the fault whose dump could not be written: as a dump's, as far as the line tells. */
    String signature() {
        return type == null ? kind : Signature.of(type, address, HeapMap.defaults());
    }

    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        try {
            return JSON.readValue(value, String.class);
        } catch (JsonProcessingException e) {
            return value.substring(1, value.length() - 1);
        }
    }

    /** {@code s} as a JSON string, quotes included: how a reason stands on a result line. */
    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
