package wedge.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import wedge.agent.points.Point;
import wedge.agent.points.PointFile;
import wedge.agent.runtime.Event;

/**
 * The streamed writer writes what data binding wrote for the same document (the writer the dump had before), field
 * for field and in the same order, compact.
 */
class DumpJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plainDataIsWrittenAsDataBindingWroteIt() throws IOException {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("int", 7);
        snapshot.put("long", Long.MIN_VALUE);
        snapshot.put("short", (short) -3);
        snapshot.put("byte", (byte) 9);
        snapshot.put("double", 0.1);
        snapshot.put("float", 0.02f);
        snapshot.put("nan", Double.NaN);
        snapshot.put("big", BigInteger.TWO.pow(70));
        snapshot.put("decimal", new BigDecimal("1.50"));
        snapshot.put("counter", new AtomicLong(42));
        snapshot.put("flag", true);
        snapshot.put("nothing", null);
        snapshot.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 unicode \u00e9\u4e2d");
        snapshot.put("char", 'x');
        snapshot.put("state", Thread.State.BLOCKED);
        snapshot.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
        snapshot.put("set", Set.of("only"));
        snapshot.put("longs", new long[] {1, -2});
        snapshot.put("ints", new int[] {3});
        snapshot.put("strings", new String[] {"s", null});
        snapshot.put("nested", List.of(Map.of("k", List.of()), new ArrayList<>(Arrays.asList(1, null))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "wedge-dump/2");
        doc.put("snapshot", snapshot);
        doc.put("empty", Map.of());

        String streamed = streamed(doc);

        assertEquals(JSON.writeValueAsString(doc), streamed);
    }

    @Test
    void eventsAreWrittenAsTheFormatDescribesThem() throws IOException {
        List<Point> points = PointFile.load("allocator").points();
        Object slab = new Object() {
            @Override
            public String toString() {
                return "ss0/slab5";
            }
        };
        String site = "long wedge.allocator.TinyHeap.popBatch(wedge.allocator.TinySlabMeta,int)";
        List<Event> events = List.of(new Event(10, 3, 0, site, slab, 0x6261, 123),
                new Event(11, 4, 1, site, null, -1, 124));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("events", new RingEvents(events, points, new Labels()));

        String streamed = streamed(doc);

        assertFalse(streamed.contains("\n"), "compact");
        List<Map<String, Object>> expected = List.of(
                event(10, 3, "freelist.read", "ss0/slab5", 0x6261, "0x6261", 123),
                event(11, 4, "freelist.write", null, -1, "0xffffffffffffffff", 124));
        assertEquals(JSON.writeValueAsString(Map.of("events", expected)), streamed);
    }

    private static Map<String, Object> event(long seq, int thread, String point, String label, long value, String hex,
                                             long nanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("thread", thread);
        m.put("point", point);
        m.put("site", "wedge.allocator.TinyHeap#popBatch");
        m.put("label", label);
        m.put("value", value);
        m.put("valueHex", hex);
        m.put("nanos", nanos);
        return m;
    }

    private static String streamed(Map<String, Object> doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DumpJson.write(doc, out);
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode parsed = JSON.readTree(text);
        assertEquals(doc.keySet().iterator().next(), parsed.fieldNames().next(), "field order kept");
        return text;
    }
}
