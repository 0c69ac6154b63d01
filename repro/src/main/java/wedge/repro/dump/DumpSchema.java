package wedge.repro.dump;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The types a dump's values must have (docs/DUMP-FORMAT.md), checked once at load so that every reader can trust
 * them: a value of another type is refused with its place in the document, never printed as {@code 0xZZ} or turned
 * into a crash of the report. A key that is missing is not an error (the reports say what they cannot know), except
 * the few without which a report cannot place anything; keys the schema does not name are left alone.
 *
 * <p>Places are written {@code events[].label}: {@code []} for any array element, {@code *} for any key of an
 * object. The faults in {@code secondaryFaults} follow the rules of {@code fault}.
 */
final class DumpSchema {
    /** The kinds of JSON value a place may hold. */
    enum Type {
        STRING("a string"), INTEGER("a whole number of at most 64 bits"), BOOLEAN("true or false"),
        HEX("a hex string like 0x7a1ad5a06261"), OBJECT("an object"), ARRAY("an array"), NULL("null"),
        /** A fraction, or a whole number past 64 bits: no place takes one. */
        OTHER("another value");

        final String description;

        Type(String description) {
            this.description = description;
        }
    }

    private static final Pattern HEX_TEXT = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    private static final String SECONDARY = "secondaryFaults[]";

    private static final Map<String, Set<Type>> RULES = Map.ofEntries(
            rule("format", Type.STRING),
            rule("kind", Type.STRING),
            rule("seed", Type.INTEGER),
            rule("strategy", Type.STRING),
            rule("pid", Type.INTEGER),
            rule("preset", Type.STRING, Type.NULL),
            rule("eventsTotal", Type.INTEGER),
            rule("options", Type.OBJECT),
            rule("options.*", Type.STRING),
            rule("events", Type.ARRAY),
            rule("events[]", Type.OBJECT),
            rule("events[].seq", Type.INTEGER),
            rule("events[].thread", Type.INTEGER),
            rule("events[].point", Type.STRING),
            rule("events[].site", Type.STRING, Type.NULL),
            rule("events[].label", Type.STRING, Type.NULL),
            rule("events[].value", Type.INTEGER),
            rule("events[].valueHex", Type.STRING),
            rule("events[].nanos", Type.INTEGER),
            rule("fault", Type.OBJECT, Type.NULL),
            rule("fault.type", Type.STRING),
            rule("fault.message", Type.STRING, Type.NULL),
            rule("fault.address", Type.HEX, Type.NULL),
            rule("fault.addressValue", Type.INTEGER, Type.NULL),
            rule("fault.nanos", Type.INTEGER),
            rule("fault.thread", Type.OBJECT),
            rule("fault.thread.name", Type.STRING),
            rule("fault.thread.id", Type.INTEGER),
            rule("fault.thread.ordinal", Type.INTEGER, Type.NULL),
            rule("fault.lastPoint", Type.OBJECT, Type.NULL),
            rule("fault.lastPoint.name", Type.STRING),
            rule("fault.lastPoint.site", Type.STRING, Type.NULL),
            rule("fault.lastPoint.seq", Type.INTEGER, Type.NULL),
            rule("fault.stack", Type.ARRAY),
            rule("fault.stack[]", Type.STRING),
            rule("secondaryFaults", Type.ARRAY),
            rule("secondaryFaults[]", Type.OBJECT),
            rule("hang", Type.OBJECT, Type.NULL),
            rule("threads", Type.ARRAY),
            rule("threads[]", Type.OBJECT),
            rule("threads[].name", Type.STRING),
            rule("threads[].id", Type.INTEGER),
            rule("threads[].ordinal", Type.INTEGER, Type.NULL),
            rule("threads[].status", Type.STRING),
            rule("threads[].state", Type.STRING),
            rule("threads[].hits", Type.INTEGER),
            rule("threads[].stack", Type.ARRAY),
            rule("threads[].stack[]", Type.STRING),
            rule("threads[].lastPoint", Type.OBJECT, Type.NULL),
            rule("threads[].lastPoint.name", Type.STRING),
            rule("threads[].lastPoint.seq", Type.INTEGER, Type.NULL),
            rule("snapshot", Type.OBJECT, Type.NULL),
            rule("snapshotError", Type.STRING, Type.NULL),
            rule("snapshot.heaps", Type.ARRAY),
            rule("snapshot.heaps[]", Type.OBJECT),
            rule("snapshot.heaps[].addressSpace", Type.OBJECT),
            rule("snapshot.heaps[].addressSpace.base", Type.HEX),
            rule("snapshot.heaps[].addressSpace.end", Type.HEX),
            rule("snapshot.heaps[].addressSpace.slabSize", Type.INTEGER),
            rule("snapshot.heaps[].superslabs", Type.ARRAY),
            rule("snapshot.heaps[].superslabs[]", Type.OBJECT),
            rule("snapshot.heaps[].superslabs[].base", Type.HEX),
            rule("snapshot.heaps[].superslabs[].label", Type.STRING),
            rule("snapshot.heaps[].superslabs[].slabs", Type.ARRAY),
            rule("snapshot.heaps[].superslabs[].slabs[]", Type.OBJECT),
            rule("snapshot.heaps[].superslabs[].slabs[].base", Type.HEX),
            rule("snapshot.heaps[].superslabs[].slabs[].label", Type.STRING),
            rule("snapshot.heaps[].superslabs[].slabs[].ownerTid", Type.INTEGER),
            rule("snapshot.heaps[].superslabs[].slabs[].broken", Type.BOOLEAN),
            rule("snapshot.heaps[].threads", Type.ARRAY),
            rule("snapshot.heaps[].threads[]", Type.OBJECT),
            rule("snapshot.heaps[].threads[].tid", Type.INTEGER),
            rule("snapshot.heaps[].threads[].name", Type.STRING),
            rule("replay", Type.OBJECT, Type.NULL),
            rule("replay.command", Type.STRING));

    /** Keys that must be there whenever the object that holds them is: the reports cannot do without them. */
    private static final Map<String, List<String>> REQUIRED = Map.of("snapshot.heaps[].superslabs[]", List.of("base"));

    private DumpSchema() {
    }

    /**
     * Checks {@code root} against the rules.
     *
     * @return null when every value has its type, else {@code events[12].label: a number where a string or null
     *         is expected}
     */
    static String violation(JsonNode root) {
        return check(root, "", "");
    }

    private static String check(JsonNode node, String rulePath, String where) {
        Set<Type> allowed = RULES.get(rulePath.startsWith(SECONDARY)
                ? "fault" + rulePath.substring(SECONDARY.length()) : rulePath);
        Type type = typeOf(node);
        if (allowed != null && !allowed.contains(type) && !(type == Type.HEX && allowed.contains(Type.STRING))) {
            return where + ": " + describe(node) + " where " + expected(allowed) + " is expected";
        }
        if (node.isObject()) {
            for (String key : REQUIRED.getOrDefault(rulePath, List.of())) {
                if (!node.has(key)) {
                    return where + ": the key \"" + key + "\" is missing";
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> i = node.fields(); i.hasNext(); ) {
                Map.Entry<String, JsonNode> f = i.next();
                String key = rulePath.isEmpty() ? f.getKey() : rulePath + "." + f.getKey();
                String any = rulePath + ".*";
                String found = check(f.getValue(), RULES.containsKey(any) ? any : key,
                        where.isEmpty() ? f.getKey() : where + "." + f.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = check(node.get(i), rulePath + "[]", where + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Type typeOf(JsonNode node) {
        if (node.isTextual()) {
            return isHex(node.textValue()) ? Type.HEX : Type.STRING;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Type.INTEGER : Type.OTHER;
        }
        if (node.isBoolean()) {
            return Type.BOOLEAN;
        }
        if (node.isObject()) {
            return Type.OBJECT;
        }
        if (node.isArray()) {
            return Type.ARRAY;
        }
        return node.isNull() ? Type.NULL : Type.OTHER;
    }

    /** Whether {@code text} is hex the reports can decode: {@code Long.decode} takes it. */
    private static boolean isHex(String text) {
        if (!HEX_TEXT.matcher(text).matches()) {
            return false;
        }
        try {
            Long.decode(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return "\"" + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "\"";
        }
        if (node.isIntegralNumber() && !node.canConvertToLong()) {
            return "a number too large for 64 bits";
        }
        return node.isNumber() ? "the number " + node.asText() : node.isBoolean() ? node.asText()
                : node.isObject() ? "an object" : node.isArray() ? "an array" : "null";
    }

    private static String expected(Set<Type> allowed) {
        StringBuilder b = new StringBuilder();
        for (Type t : Type.values()) {
            if (allowed.contains(t)) {
                b.append(b.length() == 0 ? "" : " or ").append(t.description);
            }
        }
        return b.toString();
    }

    private static Map.Entry<String, Set<Type>> rule(String place, Type... types) {
        return Map.entry(place, Set.of(types));
    }
}
