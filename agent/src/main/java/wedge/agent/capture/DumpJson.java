package wedge.agent.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dump's JSON writer, one per JVM. Jackson is configured once and then only read, which is what makes one
 * mapper safe to share between threads.
 *
 * <p>Why {@link #warm}: a cold Jackson loads some hundreds of classes and builds its serializers on the first dump,
 * while every other thread is held and the user waits for the run to end. Warmed beside the workload, that work is
 * done before the fault.
 */
public final class DumpJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private DumpJson() {
    }

    /** {@code document} as indented JSON. */
    public static byte[] bytes(Map<String, Object> document) throws JsonProcessingException {
        return JSON.writeValueAsBytes(document);
    }

    /** Writes, and drops, a document of the dump's shapes: maps of lists of maps of strings, numbers and flags. */
    public static void warm() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", 1L);
        event.put("thread", 1);
        event.put("point", "warm");
        event.put("held", Boolean.TRUE);
        event.put("nothing", null);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("events", List.of(event, new LinkedHashMap<>(event)));
        document.put("stack", new String[] {"warm"});
        try {
            bytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dump writer cannot write a map of plain values", e);
        }
    }
}
