package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import wedge.contract.DumpFormat;

/**
 * Reads a dump of the previous format as the current one, so that the rest of the reader knows one format only.
 *
 * <p>{@code wedge-dump/1} differs from {@code wedge-dump/2} in one way: the allocator's snapshot spelled its keys in
 * snake_case ({@code owner_tid}) where every other key of a dump is lowerCamelCase ({@code ownerTid}). Values are
 * the same in both.
 */
final class FormatUpgrade {
    private FormatUpgrade() {
    }

    /** {@code dump}, of format {@link DumpFormat#PREVIOUS}, as a dump of {@link DumpFormat#CURRENT}. */
    static ObjectNode toCurrent(ObjectNode dump) {
        dump.set("format", TextNode.valueOf(DumpFormat.CURRENT));
        dump.set("snapshot", camelKeys(dump.get("snapshot")));
        return dump;
    }

    private static JsonNode camelKeys(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(e -> copy.add(camelKeys(e)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.forEach(f -> copy.set(camel(f.getKey()), camelKeys(f.getValue())));
            return copy;
        }
        return node;
    }

    /** {@code owner_tid} becomes {@code ownerTid}; a key without an underscore stays as it is. */
    static String camel(String key) {
        StringBuilder b = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = b.length() > 0;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
