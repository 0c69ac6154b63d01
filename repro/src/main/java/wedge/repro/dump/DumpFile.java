package wedge.repro.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wedge.contract.DumpFormat;

/** Reads a dump written by the agent (docs/DUMP-FORMAT.md) and refuses anything else with a clear reason. */
public final class DumpFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DumpFile() {
    }

    /**
     * The dump at {@code path}, as a JSON tree.
     *
     * @throws BadDump when the file is missing, empty, not JSON, cut short, or of another format
     */
    public static JsonNode load(Path path) throws BadDump {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BadDump(path + ": no such file; give the .json a crash wrote (see the dump-dir of the run)");
        } catch (IOException e) {
            throw new BadDump(path + ": cannot read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new BadDump(path + ": empty file; a dump is a " + DumpFormat.CURRENT + " JSON document");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().contains("end-of-input") ? "truncated JSON" : "not JSON";
            throw new BadDump(path + ": " + why + " (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); a dump is a " + DumpFormat.CURRENT + " JSON document");
        } catch (IOException e) {
            throw new BadDump(path + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadDump(path + ": not a dump: expected a JSON object with \"format\": \"" + DumpFormat.CURRENT
                    + "\"");
        }
        String format = root.path("format").asText("");
        if (DumpFormat.PREVIOUS.equals(format)) {
            return FormatUpgrade.toCurrent((ObjectNode) root);
        }
        if (!DumpFormat.CURRENT.equals(format)) {
            throw new BadDump(path + ": format '" + (format.isEmpty() ? "(none)" : format) + "' is not one this "
                    + "wedge reads: " + DumpFormat.CURRENT + " or " + DumpFormat.PREVIOUS);
        }
        return root;
    }
}
