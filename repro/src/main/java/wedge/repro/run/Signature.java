package wedge.repro.run;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.repro.dump.AddressClass;
import wedge.repro.dump.HeapMap;

/**
 * A fault's signature: its kind, from the exception type, and the class of its address, as in
 * {@code segv:ab-over-null}. Runs that fault the same way share it whatever the exact addresses, so sweeps can
 * group them.
 */
public final class Signature {
    private Signature() {
    }

    /** The signature of a dump: {@code hang} for a hang dump, {@code race:Class.field} for a race dump. */
    public static String of(JsonNode dump) {
        if (dump.path("kind").asText().equals("hang")) {
            return "hang";
        }
        if (dump.path("kind").asText().equals("race")) {
            return race(dump.path("races").path(0).path("field").asText("?"));
        }
        JsonNode fault = dump.path("fault");
        JsonNode address = fault.path("addressValue");
        return of(fault.path("type").asText(), address.isNumber() ? address.asLong() : null,
                HeapMap.of(dump.path("snapshot")));
    }

    /** The signature of a race report on {@code field} ({@code a.b.Class#field}): {@code race:Class.field}. */
    public static String race(String field) {
        String simple = field.substring(field.lastIndexOf('.') + 1);
        return "race:" + simple.replace('#', '.');
    }

    /** The signature of a fault of exception type {@code type} at {@code address} (null when it has none). */
    public static String of(String type, Long address, HeapMap heap) {
        String kind = switch (type) {
            case "wedge.allocator.SegmentationFault" -> "segv";
            case "wedge.allocator.InvalidFree" -> "invalid-free";
            default -> type.substring(type.lastIndexOf('.') + 1);
        };
        return address == null ? kind : kind + ":" + AddressClass.of(address, heap).id();
    }
}
